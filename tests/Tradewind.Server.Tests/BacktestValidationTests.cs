using System.Net;

namespace Tradewind.Server.Tests;

/// <summary>Every bad execute field is refused before anything is queued, naming the field; quotas refuse with usage and limit.</summary>
public sealed class BacktestValidationTests
{
    [Theory]
    [InlineData("\"script\":\"\"", "script", "required")]
    [InlineData("\"script\":\"x = sma(close, \"", "script", "Syntax error")]
    [InlineData("\"script\":\"emit_signal(close > nosuch(close, 3), entry(\\\"LONG\\\", Weight(1)))\"", "script", "nosuch")]
    [InlineData("\"universe\":[]", "universe", "at least one ticker")]
    [InlineData("\"universe\":[\"SIM:BTC/USDT\",\"BTCUSDT\"]", "universe[1]", "")]
    [InlineData("\"universe\":[\"SIM:BTC/USDT\",\"SIM:NOPE/USDT\"]", "universe[1]", "NOPE")]
    [InlineData("\"start_date\":\"yesterday\"", "start_date", "not a date")]
    [InlineData("\"start_date\":null", "start_date", "required")]
    [InlineData("\"end_date\":\"2024-02-01\"", "end_date", "must be after")]
    [InlineData("\"exchange\":\"nasdaq\"", "exchange", "not an exchange")]
    [InlineData("\"timeframe\":\"2h\"", "timeframe", "not a timeframe")]
    [InlineData("\"initial_cash\":-5", "initial_cash", "positive")]
    [InlineData("\"trading_fee\":0.5", "trading_fee", "between 0 and 0.1")]
    [InlineData("\"slippage\":-0.01", "slippage", "between 0 and 0.1")]
    [InlineData("\"leverage\":0", "leverage", "from 1 to 100")]
    [InlineData("\"leverage\":2.5", "leverage", "whole number")]
    [InlineData("\"leverage\":101", "leverage", "from 1 to 100")]
    [InlineData("\"mode\":\"hedge\"", "mode", "isolated, cross")]
    [InlineData("\"fill\":\"later\"", "fill", "next-open, close")]
    [InlineData("\"end_of_data\":\"never\"", "end_of_data", "keep-open")]
    [InlineData("\"lot_step\":0", "lot_step", "positive")]
    [InlineData("\"strategy_type\":\"grid\"", "strategy_type", "not supported")]
    [InlineData("\"stop_loss\":5", "stop_loss", "not supported")]
    [InlineData("\"initial_cash\":\"lots\"", "initial_cash", "a number")]
    [InlineData("\"universe\":\"SIM:BTC/USDT\"", "universe", "an array")]
    public async Task Execute_BadField_ValidationErrorNamesFieldAndNothingQueued(string field, string name, string expected)
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings(workers: 0));
        var (key, _) = await server.RegisterAsync();
        var body = BacktestFlow.Body(field);
        // A field given twice: System.Text.Json keeps the last value, so the override wins.
        var (response, json) = await server.PostAsync("backtest/execute", body, key);

        Envelopes.AssertError(response, json, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var message = (string)json["error"]!["message"]!;
        if (name.Length > 0)
        {
            Assert.Contains($"'{name}'", message.Replace("universe[1]:", "'universe[1]'", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)json["error"]!["suggestion"]));

        // Nothing was queued and no quota was used: ten good submissions still fit the provisional hour.
        for (var i = 0; i < 10; i++)
        {
            await BacktestFlow.ExecuteAsync(server.SendAsync, key);
        }
    }

    [Fact]
    public async Task Execute_SeveralBadFields_OneErrorListingEach()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings(workers: 0));
        var (key, _) = await server.RegisterAsync();

        var (response, json) = await server.PostAsync("backtest/execute", """{"universe":["SIM:BTC/USDT"],"start_date":"x","timeframe":"7h","mode":"both"}""", key);

        Envelopes.AssertError(response, json, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var problems = json["error"]!["details"]!["problems"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["script", "timeframe", "start_date", "end_date", "mode"], problems);
        Assert.Equal("script", (string?)json["error"]!["details"]!["field"]);
    }

    [Fact]
    public async Task Execute_NoBody_ValidationError()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings(workers: 0));
        var (key, _) = await server.RegisterAsync();

        var (response, json) = await server.PostAsync("backtest/execute", null, key);

        Envelopes.AssertError(response, json, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Execute_ProvisionalKey_EleventhInAnHour_FreeQuotaExceededWithUsageAndLimit()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings(workers: 0));
        var (key, _) = await server.RegisterAsync();
        var (other, _) = await server.RegisterAsync();
        for (var i = 0; i < 10; i++)
        {
            await BacktestFlow.ExecuteAsync(server.SendAsync, key);
        }

        var (response, json) = await server.PostAsync("backtest/execute", BacktestFlow.Body(), key);

        Envelopes.AssertError(response, json, HttpStatusCode.TooManyRequests, "FREE_QUOTA_EXCEEDED");
        Assert.Equal(10, (int)json["error"]!["details"]!["usage"]!);
        Assert.Equal(10, (int)json["error"]!["details"]!["limit"]!);
        Assert.Equal("hour", (string?)json["error"]!["details"]!["window"]);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("request-claim", (string)json["error"]!["suggestion"]!, StringComparison.Ordinal);

        // The quota is per key.
        await BacktestFlow.ExecuteAsync(server.SendAsync, other);
    }

    [Fact]
    public async Task Execute_ProvisionalKey_DailyQuota_FreeQuotaExceeded()
    {
        var settings = BacktestFlow.Settings(workers: 0);
        settings["Tradewind:ProvisionalBacktestsPerHour"] = "100";
        settings["Tradewind:ProvisionalBacktestsPerDay"] = "3";
        await using var server = await TestServer.StartAsync(settings);
        var (key, _) = await server.RegisterAsync();
        for (var i = 0; i < 3; i++)
        {
            await BacktestFlow.ExecuteAsync(server.SendAsync, key);
        }

        var (response, json) = await server.PostAsync("backtest/execute", BacktestFlow.Body(), key);

        Envelopes.AssertError(response, json, HttpStatusCode.TooManyRequests, "FREE_QUOTA_EXCEEDED");
        Assert.Equal(3, (int)json["error"]!["details"]!["limit"]!);
        Assert.Equal("day", (string?)json["error"]!["details"]!["window"]);
    }

    [Fact]
    public async Task Execute_ClaimedKey_ConfiguredQuota_QuotaExceeded()
    {
        var settings = BacktestFlow.Settings(workers: 0);
        settings["Tradewind:ClaimedBacktestsPerHour"] = "2";
        await using var server = await TestServer.StartAsync(settings);
        var session = await server.UserSessionAsync("ada");
        var (key, _) = await server.ClaimedKeyAsync(session);
        await BacktestFlow.ExecuteAsync(server.SendAsync, key);
        await BacktestFlow.ExecuteAsync(server.SendAsync, key);

        var (response, json) = await server.PostAsync("backtest/execute", BacktestFlow.Body(), key);

        Envelopes.AssertError(response, json, HttpStatusCode.TooManyRequests, "QUOTA_EXCEEDED");
        Assert.Equal(2, (int)json["error"]!["details"]!["usage"]!);
        Assert.Equal(2, (int)json["error"]!["details"]!["limit"]!);
    }
}
