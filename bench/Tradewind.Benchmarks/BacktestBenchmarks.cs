using BenchmarkDotNet.Attributes;
using Tradewind.Backtesting;
using Tradewind.Core;
using Tradewind.Signals.Intents;
using Tradewind.Signals.Runtime;

namespace Tradewind.Benchmarks;

/// <summary>
/// The backtest engine end to end (validation, bar loop, fills, statistics) on synthetic random-walk bars, with a
/// precomputed SMA-cross program standing in for a compiled script (so this times the engine, not the DSL).
///   dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*BacktestBenchmarks*' --job short
/// </summary>
[Config(typeof(InProcessShortConfig))]
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    private const int Tickers = 100;
    private const int HourBars = 8760;
    private const int MinuteBars = 1_000_000;
    private const long Start = 1_704_067_200_000;

    private BacktestRequest _isolated = null!;
    private BacktestRequest _cross = null!;
    private BacktestRequest _minutes = null!;
    private CandleSeries _gridSeries = null!;
    private InstrumentSpec _gridSpec = null!;

    [GlobalSetup]
    public void Setup()
    {
        // One long walk cut into 100 tickers, so each ticker has its own path.
        var walk = SyntheticBars.Create(Tickers * HourBars);
        var legs = new BacktestLeg[Tickers];
        for (var t = 0; t < Tickers; t++)
        {
            var candles = Series(walk, t * HourBars, HourBars, 3_600_000);
            var spec = Spot($"T{t}");
            legs[t] = new BacktestLeg(spec, candles, new SmaCrossProgram(candles, 10, 30, stopPct: 3));
        }

        _isolated = new BacktestRequest(legs, Timeframe.H1, BacktestOptions.Default);
        _cross = new BacktestRequest(legs, Timeframe.H1, BacktestOptions.Default with { Mode = BacktestMode.Cross });

        var minutes = SyntheticBars.Create(MinuteBars);
        var minuteSeries = Series(minutes, 0, MinuteBars, 60_000);
        _minutes = new BacktestRequest([new BacktestLeg(Spot("ONE"), minuteSeries, new SmaCrossProgram(minuteSeries, 10, 30, stopPct: 1))], Timeframe.M1, BacktestOptions.Default);

        _gridSeries = legs[0].Candles;
        _gridSpec = legs[0].Spec;
    }

    /// <summary>100 tickers x 8760 1h bars, isolated: the target is under 1 s.</summary>
    [Benchmark]
    public BacktestResult Isolated100x8760() => BacktestEngine.Run(_isolated);

    /// <summary>The same universe on one shared account, bars aligned by time.</summary>
    [Benchmark]
    public BacktestResult Cross100x8760() => BacktestEngine.Run(_cross);

    /// <summary>One ticker, 1M one-minute bars; the Mean column is per bar.</summary>
    [Benchmark(OperationsPerInvoke = MinuteBars)]
    public BacktestResult OneTicker1MMinuteBars() => BacktestEngine.Run(_minutes);

    /// <summary>A 20x20 grid of SMA-cross parameters on one 8760-bar ticker, independent runs in parallel.</summary>
    [Benchmark]
    public double Grid20x20Parallel()
    {
        var results = new double[400];
        Parallel.For(0, 400, i =>
        {
            var fast = 5 + (i % 20);
            var slow = 30 + (i / 20 * 2);
            var program = new SmaCrossProgram(_gridSeries, fast, slow, stopPct: 3);
            var request = new BacktestRequest([new BacktestLeg(_gridSpec, _gridSeries, program)], Timeframe.H1, BacktestOptions.Default);
            results[i] = BacktestEngine.Run(request).Metrics.Sharpe;
        });

        var best = double.NegativeInfinity;
        foreach (var r in results)
        {
            best = Math.Max(best, double.IsNaN(r) ? best : r);
        }

        return best;
    }

    private static InstrumentSpec Spot(string name) =>
        new(new Ticker(ExchangeId.Binance, name, "USDT"), 0.01m, 0.001m, 0, 0, MarketType.Spot, null, 1);

    private static CandleSeries Series((long[] Time, double[] Open, double[] High, double[] Low, double[] Close, double[] Volume) walk, int offset, int count, long step)
    {
        var time = new long[count];
        for (var i = 0; i < count; i++)
        {
            time[i] = Start + (i * step);
        }

        return new CandleSeries(
            time,
            walk.Open.AsSpan(offset, count).ToArray(),
            walk.High.AsSpan(offset, count).ToArray(),
            walk.Low.AsSpan(offset, count).ToArray(),
            walk.Close.AsSpan(offset, count).ToArray(),
            walk.Volume.AsSpan(offset, count).ToArray());
    }

    /// <summary>Stands in for a compiled SMA-cross script: causal SMAs computed up front, intents reused.</summary>
    private sealed class SmaCrossProgram : ISignalProgram
    {
        private readonly long[] _time;
        private readonly double[] _fast;
        private readonly double[] _slow;
        private readonly SignalIntent _entry;
        private readonly SignalIntent _exit = SignalIntent.Exit(null);

        public SmaCrossProgram(CandleSeries candles, int fast, int slow, double stopPct)
        {
            _time = candles.Time;
            _fast = Sma(candles.Close, fast);
            _slow = Sma(candles.Close, slow);
            FirstTradableBar = slow;
            _entry = SignalIntent.Entry(null, PositionSide.Long, OrderSize.Weight(1), stopPct);
        }

        public int BarCount => _time.Length;

        public ReadOnlySpan<long> Time => _time;

        public int FirstTradableBar { get; }

        public bool ReadsPortfolio => false;

        public void EvaluateBar(int bar, IPortfolioView portfolio, List<EmittedSignal> sink)
        {
            var above = _fast[bar] > _slow[bar];
            var wasAbove = _fast[bar - 1] > _slow[bar - 1];
            if (above != wasAbove)
            {
                sink.Add(new EmittedSignal(bar, _time[bar], above ? _entry : _exit));
            }
        }

        private static double[] Sma(double[] close, int period)
        {
            var result = new double[close.Length];
            var sum = 0.0;
            for (var i = 0; i < close.Length; i++)
            {
                sum += close[i];
                if (i >= period)
                {
                    sum -= close[i - period];
                }

                result[i] = i >= period - 1 ? sum / period : double.NaN;
            }

            return result;
        }
    }
}
