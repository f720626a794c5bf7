using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;

namespace Tradewind.Backtesting.Tests;

/// <summary>The bar loop allocates nothing per bar; only the records of trades (and rejections) allocate.</summary>
public sealed class AllocationTests
{
    private static Simulation Prepare(CandleSeries data, Func<CandleSeries, Signals.Runtime.ISignalProgram> program)
    {
        var leg = new BacktestLeg(Specs.Spot(Specs.Btc), data, program(data));
        var state = new LegState(0, leg, 0, data.Count, 0.001, 1, 10_000, true);
        return new Simulation([state], data.Time, Timeframe.H1, BacktestOptions.Default, 10_000, isolated: true);
    }

    private static long AllocatedDuringRun(Simulation simulation)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        simulation.Run(CancellationToken.None);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Run_BarsWithoutTrades_AllocateNothing()
    {
        var data = Bars.RandomWalk(100_000, 3);

        // Warm up the JIT on a first run, then measure a second. The program asks for an exit on every bar while
        // flat: each bar goes through evaluation, routing and the pending-order fill, and none of it allocates.
        AllocatedDuringRun(Prepare(data, c => new ExitEveryBar(c)));
        var allocated = AllocatedDuringRun(Prepare(data, c => new ExitEveryBar(c)));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Run_Trading_AllocatesOnlyPerTrade()
    {
        var data = Bars.RandomWalk(100_000, 3);
        AllocatedDuringRun(Prepare(data, c => new SmaCrossProgram(c, 5, 20, shorts: true, stop: 2)));

        var simulation = Prepare(data, c => new SmaCrossProgram(c, 5, 20, shorts: true, stop: 2));
        var allocated = AllocatedDuringRun(simulation);

        var trades = simulation.Trades.Count;
        Assert.True(trades > 1000, $"{trades} trades");
        // One trade record (about 130 bytes) plus the list's amortised growth; far below one allocation per bar.
        Assert.True(allocated < trades * 400L, $"{allocated} bytes for {trades} trades over {data.Count} bars");
    }

    /// <summary>Stands in for a compiled script that emits <c>exit()</c> on every bar.</summary>
    private sealed class ExitEveryBar(CandleSeries candles) : Signals.Runtime.ISignalProgram
    {
        private static readonly Signals.Intents.SignalIntent Exit = Signals.Intents.SignalIntent.Exit(null);

        public int BarCount => candles.Count;

        public ReadOnlySpan<long> Time => candles.Time;

        public int FirstTradableBar => 0;

        public bool ReadsPortfolio => true;

        public void EvaluateBar(int bar, Signals.Runtime.IPortfolioView portfolio, List<Signals.Intents.EmittedSignal> sink)
        {
            if (portfolio.Position(Specs.Btc).Size == 0 && portfolio.Equity > 0)
            {
                sink.Add(new Signals.Intents.EmittedSignal(bar, candles.Time[bar], Exit));
            }
        }
    }
}
