using Tradewind.Core;
using Tradewind.Signals.Runtime;
using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

public sealed class CommonSubexpressionTests
{
    private static async Task<SignalProgram> PrepareAsync(string script) =>
        await Dsl.Compile(script).PrepareAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.D1, MarketData.BtcDaily));

    [Fact]
    public async Task Prepare_SameIndicatorTwice_RunsOneKernel()
    {
        // sma(close, 20) appears twice: one sma pass; plus sma 50, '>', '<' and 'and'.
        var program = await PrepareAsync("""
            a = sma(close, 20) > sma(close, 50)
            b = sma(close, 20) < close
            emit_signal(a and b, exit())
            """);
        Assert.Equal(5, program.KernelInvocations);
    }

    [Fact]
    public async Task Prepare_SameSubexpressionInOneLine_IsComputedOnce()
    {
        var once = await PrepareAsync("emit_signal(rsi(close, 14) > 50, exit())");
        var twice = await PrepareAsync("emit_signal(rsi(close, 14) > 50 and rsi(close, 14) > 50, exit())");
        Assert.Equal(2, once.KernelInvocations);
        Assert.Equal(2, twice.KernelInvocations);
    }

    [Fact]
    public async Task Prepare_CommutedOperands_ShareOneNode()
    {
        var program = await PrepareAsync("emit_signal(close + open > 1 and open + close > 1, exit())");
        Assert.Equal(2, program.KernelInvocations);
    }

    [Fact]
    public async Task Prepare_KeywordAndPositionalForms_AreTheSameCall()
    {
        var program = await PrepareAsync("emit_signal(sma(close, 20) > sma(source=close, period=20) - 1 and ema(close, 9) > ema(period=9), exit())");
        Assert.Equal(6, program.KernelInvocations);
    }

    [Fact]
    public async Task Prepare_UnusedAssignment_CostsNothing()
    {
        var program = await PrepareAsync("""
            unused = sma(close, 200) + ema(close, 50)
            emit_signal(close > open, exit())
            """);
        Assert.Equal(1, program.KernelInvocations);
    }

    [Fact]
    public async Task Prepare_MultiOutputIndicator_RunsOnceForAllOutputs()
    {
        var program = await PrepareAsync("""
            bb = bbands(close, 20, 2)
            emit_signal(close > bb.upper or close < bb.lower or close > bbands(close, 20, 2).middle, exit())
            """);

        // bbands once, three comparisons, two 'or'.
        Assert.Equal(6, program.KernelInvocations);
    }
}
