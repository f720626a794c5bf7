using System.Text.Json;

namespace Tradewind.Cli.Tests;

public sealed class BacktestCommandTests
{
    private const string SmaCross = """
        fast = sma(close, 10)
        slow = sma(close, 30)
        emit_signal(crossover(fast, slow), entry("LONG", Weight(1)))
        emit_signal(crossunder(fast, slow), exit())
        """;

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "data", name);

    private static string[] Sim(CliHarness cli, params string[] extra) =>
        ["backtest", "--inline", SmaCross, "--universe", "SIM:BTC/USDT,ETH/USDT", "--timeframe", "1h", "--from", "2024-03-01", "--to", "2024-04-01", "--data-dir", cli.DataDir, .. extra];

    [Fact]
    public async Task Backtest_SimWithOut_WritesThreeFilesWithTheSameTradeCount()
    {
        using var cli = new CliHarness();
        var outDir = Path.Combine(cli.DataDir, "run");

        var (exit, output) = await cli.RunAsync(Sim(cli, "--out", outDir));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "result.json")));
        var root = json.RootElement;
        var trades = root.GetProperty("trades").GetArrayLength();
        var csvRows = (await File.ReadAllLinesAsync(Path.Combine(outDir, "trades.csv"))).Length - 1;
        Assert.True(trades > 0);
        Assert.Equal(trades, csvRows);
        Assert.Equal(trades, root.GetProperty("summary").GetProperty("num_trades").GetInt32());
        Assert.Equal(744 + 1, (await File.ReadAllLinesAsync(Path.Combine(outDir, "equity.csv"))).Length); // 31 days x 24 bars + header
        Assert.Equal(["SIM:BTC/USDT", "SIM:ETH/USDT"], root.GetProperty("summary").GetProperty("universe").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Wrote result.json, trades.csv (" + trades.ToString(System.Globalization.CultureInfo.InvariantCulture) + " trades)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_Sim_PrintsGroupedMetricsWithReadableDurationsAndPerTickerRows()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync(Sim(cli));

        Assert.Equal(0, exit);
        foreach (var group in new[] { "returns", "risk", "trades", "costs" })
        {
            Assert.Contains("│ " + group + " ", output, StringComparison.Ordinal);
        }

        var duration = output.Split('\n').Single(l => l.Contains("avg_trade_duration", StringComparison.Ordinal));
        Assert.Matches(@"\d+[dhm]( \d+[hms])? +│", duration);
        Assert.Contains("│ sharpe ", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split('\n').Count(l => l.TrimStart().StartsWith("│ SIM:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Backtest_Json_PrintsExactlyWhatResultJsonHolds()
    {
        using var cli = new CliHarness();
        var outDir = Path.Combine(cli.DataDir, "run");

        var (exit, output) = await cli.RunAsync(Sim(cli, "--json", "--out", outDir));

        Assert.Equal(0, exit);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(outDir, "result.json")), output.TrimEnd('\n', '\r'));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("metrics").GetProperty("sharpe_ratio").ValueKind);
    }

    [Fact]
    public async Task Backtest_SameInputsTwice_ByteIdenticalResultJson()
    {
        using var cli = new CliHarness();

        var first = await cli.RunAsync(Sim(cli, "--json"));
        var second = await cli.RunAsync(Sim(cli, "--json"));

        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Backtest_CrossModeCloseFillAndCosts_ReachTheEngine()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync(Sim(cli, "--json", "--mode", "cross", "--fill", "close", "--fee", "0.001", "--slippage", "0", "--initial-cash", "5000", "--lot-step", "0.01"));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var options = json.RootElement.GetProperty("options");
        Assert.Equal("cross", options.GetProperty("mode").GetString());
        Assert.Equal("close", options.GetProperty("fill").GetString());
        Assert.Equal(0.001, options.GetProperty("trading_fee").GetDouble());
        Assert.Equal(0, options.GetProperty("slippage").GetDouble());
        Assert.Equal(5000, options.GetProperty("initial_cash").GetDouble());
        Assert.Equal(0.01, options.GetProperty("lot_step").GetDouble());
        Assert.All(json.RootElement.GetProperty("trades").EnumerateArray(), t => Assert.Equal(0, Math.Round(t.GetProperty("quantity").GetDouble() * 100 % 1, 6) % 1));
    }

    [Fact]
    public async Task Backtest_DataFile_RunsOverTheWholeFileUnderTheNamedTicker()
    {
        using var cli = new CliHarness();
        var outDir = Path.Combine(cli.DataDir, "run");

        var (exit, _) = await cli.RunAsync("backtest", "--data", Fixture("backtestingpy-SOLUSDT-1h.csv"), "--universe", "BINANCE:SOL/USDT", "--inline", SmaCross, "--out", outDir);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "result.json")));
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal("BINANCE:SOL/USDT", summary.GetProperty("universe")[0].GetString());
        Assert.Equal("1h", summary.GetProperty("timeframe").GetString());
        Assert.Equal("2024-09-20T15:00:00Z", summary.GetProperty("start_date").GetString());
        Assert.Equal("2024-11-01T07:00:00Z", summary.GetProperty("end_date").GetString()); // the end of the last bar
        Assert.Equal(1000, summary.GetProperty("bars").GetInt32());
        Assert.True(json.RootElement.GetProperty("trades").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Backtest_DataFileWithFromAndTo_LoadsWarmUpFromTheFileBeforeTheStart()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync(
            "backtest", "--data", Fixture("skender-bitcoin-1d.csv"), "--inline", SmaCross, "--from", "2020-01-01", "--to", "2021-01-01", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(366, json.RootElement.GetProperty("summary").GetProperty("bars").GetInt32());
        Assert.Equal("2020-01-01T00:00:00Z", json.RootElement.GetProperty("equity")[0].GetProperty("timestamp").GetString());
        Assert.Equal("SIM:DATA/USDT", json.RootElement.GetProperty("summary").GetProperty("universe")[0].GetString());
    }

    [Fact]
    public async Task Backtest_ScriptFile_RunsLikeInline()
    {
        using var cli = new CliHarness();
        var path = Path.Combine(cli.DataDir, "sma-cross.tw");
        await File.WriteAllTextAsync(path, SmaCross);

        var fromFile = await cli.RunAsync("backtest", "--script", path, "--data", Fixture("backtestingpy-SOLUSDT-1h.csv"), "--json");
        var inline = await cli.RunAsync("backtest", "--inline", SmaCross, "--data", Fixture("backtestingpy-SOLUSDT-1h.csv"), "--json");

        Assert.Equal(0, fromFile.Exit);
        Assert.Equal(inline.Output, fromFile.Output);
    }

    [Fact]
    public async Task Backtest_ScriptFileWithErrors_NamesTheFileAndEveryLineAndColumn()
    {
        using var cli = new CliHarness();
        var path = Path.Combine(cli.DataDir, "bad.tw");
        await File.WriteAllTextAsync(path, "fast = sma(close, 10)\nemit_signal(fast > slowx, entry(\"LONG\", Weihgt(1)))\n");

        var (exit, output) = await cli.RunAsync("backtest", "--script", path, "--data", Fixture("backtestingpy-SOLUSDT-1h.csv"));

        Assert.Equal(2, exit);
        Assert.Contains(path + ":", output, StringComparison.Ordinal);
        Assert.Contains("line 2, column 20", output, StringComparison.Ordinal);
        Assert.Contains("'Weight'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_InlineAndScriptTogether_AsksForOne()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync("backtest", "--inline", SmaCross, "--script", "x.tw", "--data", Fixture("backtestingpy-SOLUSDT-1h.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("--script and --inline both give the strategy", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_NoScript_ShowsAnExample()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync("backtest", "--data", Fixture("backtestingpy-SOLUSDT-1h.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("--script FILE or --inline", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_MissingScriptFile_NamesThePath()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync("backtest", "--script", "no-such-strategy.tw", "--data", Fixture("backtestingpy-SOLUSDT-1h.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("--script no-such-strategy.tw: no such file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_UnreadableDataFile_ImportErrorNamingTheFile()
    {
        using var cli = new CliHarness();
        var path = Path.Combine(cli.DataDir, "broken.csv");
        await File.WriteAllTextAsync(path, "time,open,high,low,close,volume\n2024-01-01,1,2,0.5,1.5,10\n2024-01-02,1,2,0.5,oops,10\n");

        var (exit, output) = await cli.RunAsync("backtest", "--inline", SmaCross, "--data", path);

        Assert.Equal(2, exit);
        Assert.Contains("IMPORT_ERROR", output, StringComparison.Ordinal);
        Assert.Contains("broken.csv", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--mode", "both", "--mode 'both' is not one of isolated, cross")]
    [InlineData("--fill", "open", "--fill 'open' is not one of next-open, close")]
    [InlineData("--fee", "abc", "--fee 'abc' is not a number")]
    [InlineData("--fee", "2", "--fee = 2 must be between 0 and 0.1")]
    [InlineData("--leverage", "500", "--leverage = 500 must be a whole number from 1 to 100")]
    [InlineData("--initial-cash", "-5", "--initial-cash = -5 must be a positive amount")]
    [InlineData("--lot-step", "0", "--lot-step = 0 must be a positive quantity")]
    public async Task Backtest_BadOptionValue_ExitsTwoNamingTheOptionAndValidValues(string option, string value, string expected)
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync("backtest", "--inline", SmaCross, "--data", Fixture("backtestingpy-SOLUSDT-1h.csv"), option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_ToBeforeFrom_NamesBothFlags()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync("backtest", "--inline", SmaCross, "--universe", "BTC/USDT", "--timeframe", "1h", "--from", "2024-02-01", "--to", "2024-01-01", "--data-dir", cli.DataDir);

        Assert.Equal(2, exit);
        Assert.Contains("--to 2024-01-01T00:00:00Z must be after --from 2024-02-01T00:00:00Z", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_StoreWithoutFrom_AsksForIt()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync("backtest", "--inline", SmaCross, "--universe", "BTC/USDT", "--timeframe", "1h", "--data-dir", cli.DataDir);

        Assert.Equal(2, exit);
        Assert.Contains("backtest needs --from", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_UnlistedSimTicker_SuggestsTheClosest()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync("backtest", "--inline", SmaCross, "--universe", "BTCC/USDT", "--timeframe", "1h", "--from", "2024-03-01", "--to", "2024-03-10", "--data-dir", cli.DataDir);

        Assert.Equal(2, exit);
        Assert.Contains("UNKNOWN_SYMBOL", output, StringComparison.Ordinal);
        Assert.Contains("SIM:BTC/USDT", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_TimeframeDisagreesWithTheDataFile_SaysTheFilesTimeframe()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync("backtest", "--inline", SmaCross, "--data", Fixture("backtestingpy-SOLUSDT-1h.csv"), "--timeframe", "4h");

        Assert.Equal(2, exit);
        Assert.Contains("whose bars are 1h apart", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_LeverageOnSpotOnly_SaysLeverageIsForPerpetuals()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync("backtest", "--inline", SmaCross, "--data", Fixture("backtestingpy-SOLUSDT-1h.csv"), "--leverage", "3");

        Assert.Equal(2, exit);
        Assert.Contains("--leverage = 3 applies to perpetuals only", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_PerpetualWithLeverage_PaysFundingFromTheSimSeries()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync(
            "backtest", "--inline", "emit_signal(bar_index >= 0, entry(\"LONG\", Weight(1)))", "--universe", "SIM:BTC/USDT:USDT", "--timeframe", "1h",
            "--from", "2024-03-01", "--to", "2024-03-15", "--leverage", "3", "--data-dir", cli.DataDir, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.NotEqual(0, json.RootElement.GetProperty("metrics").GetProperty("funding_paid").GetDouble());
        Assert.Equal(3, json.RootElement.GetProperty("options").GetProperty("leverage").GetInt32());
    }
}
