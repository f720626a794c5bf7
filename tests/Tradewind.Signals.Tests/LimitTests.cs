using Tradewind.Core;
using Tradewind.Signals.Runtime;
using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

public sealed class LimitTests
{
    [Fact]
    public async Task Prepare_OverTheTimeBudget_IsAValidationErrorNamingTheLimit()
    {
        var options = TestRegistry.Options with
        {
            TimeProvider = new LeapingClock(),
            Limits = DslLimits.Default with { EvaluationTimeBudget = TimeSpan.FromSeconds(5) },
        };
        var script = Dsl.Compile("emit_signal(sma(close, 10) > ema(close, 20), exit())", options);
        var error = await Assert.ThrowsAsync<TradewindException>(() =>
            script.PrepareAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.D1, MarketData.BtcDaily)).AsTask());
        Assert.Equal(ErrorCode.ValidationError, error.Code);
        Assert.Equal("Evaluating the script took longer than its time budget of 5 s.", error.Message);
        Assert.Equal("evaluation_time_budget", error.Details!["limit"]);
    }

    [Fact]
    public async Task Prepare_Cancelled_StopsWithCancellation()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var script = Dsl.Compile("emit_signal(sma(close, 10) > 1, exit())");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            script.PrepareAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.D1, MarketData.BtcDaily), cancel.Token).AsTask());
    }

    [Fact]
    public void Compile_TooManyStatements_IsALimitError()
    {
        var options = TestRegistry.Options with { Limits = DslLimits.Default with { MaxStatements = 10 } };
        var text = string.Concat(Enumerable.Range(0, 12).Select(i => $"v{i} = close + {i}\n"));
        var errors = SignalCompiler.Compile(text, options).Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Equal(["Limit error (line 11, column 1): the script has 12 statements; the limit is 10"], errors);
    }

    [Fact]
    public void Compile_TooManyOperations_IsALimitError()
    {
        var options = TestRegistry.Options with { Limits = DslLimits.Default with { MaxNodes = 50 } };
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => $"v{i} = sma(close, {i + 2}) + {i}\n"));
        var diagnostic = Assert.Single(SignalCompiler.Compile(text, options).Diagnostics);
        Assert.Equal(DiagnosticKind.Limit, diagnostic.Kind);
        Assert.Equal("the script needs more than 50 distinct operations", diagnostic.Message);
    }

    [Fact]
    public void Compile_TooManyContexts_IsALimitError()
    {
        var options = TestRegistry.Options with { Limits = DslLimits.Default with { MaxContexts = 2 } };
        var diagnostic = Assert.Single(SignalCompiler.Compile(
            "emit_signal(ref(\"A/USDT\", close) > ref(\"B/USDT\", close) and ref(\"C/USDT\", close) > 0, exit())",
            options).Diagnostics);
        Assert.Equal("the script uses more than 2 distinct tf()/ref() contexts", diagnostic.Message);
    }

    [Fact]
    public void Compile_IndexBeyondTheLookbackLimit_IsALimitError()
    {
        Assert.Equal(
            ["Limit error (line 1, column 11): index -100001 looks back further than the limit of 100000 bars"],
            Dsl.Errors("x = close[-100001]\nemit_signal(x > 0, exit())"));
    }

    /// <summary>A clock that jumps an hour every time it is read, so any budget is exceeded at the first check.</summary>
    private sealed class LeapingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += TimeSpan.TicksPerHour;
    }
}
