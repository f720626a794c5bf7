using System.Globalization;
using BenchmarkDotNet.Attributes;
using Tradewind.Backtesting;
using Tradewind.Core;
using Tradewind.Signals;
using Tradewind.Signals.Runtime;

namespace Tradewind.Benchmarks;

/// <summary>
/// Backtests driven by compiled Signal DSL scripts, end to end: compile the text, prepare the vector plan over each
/// ticker's bars, run the engine. The same synthetic 1h walk and SMA-cross parameters as
/// <see cref="BacktestBenchmarks"/>, whose hand-written programs time the engine alone.
/// - <see cref="Grid20x20EndToEnd"/>: the 20x20 SMA-cross parameter grid on one ticker x 8760 1h bars, 400 scripts
///   compiled, prepared and run in parallel; <see cref="Grid20x20CompileAndPrepare"/> and
///   <see cref="Grid20x20EngineOnly"/> split it into the DSL's share and the engine's.
/// - <see cref="Isolated100x8760EndToEnd"/>: 100 tickers x 8760 1h bars, isolated, one SMA-cross + RSI script
///   prepared per ticker and run; <see cref="Isolated100x8760PrepareOnly"/> is the DSL's share.
///   dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*DslBacktest*'
/// </summary>
[Config(typeof(InProcessShortConfig))]
[MemoryDiagnoser]
public class DslBacktestBenchmarks
{
    private const int Tickers = 100;
    private const int HourBars = 8760;
    private const int GridSide = 20;
    private const long Start = 1_704_067_200_000;
    private const long Hour = 3_600_000;

    private const string SmaCrossRsi = """
        fast = sma(close, 10)
        slow = sma(close, 30)
        r = rsi(close, 14)
        emit_signal(crossover(fast, slow) and r < 70, entry("LONG", Weight(1), stop_loss=3))
        emit_signal(crossunder(fast, slow), exit())
        """;

    private readonly string[] _gridScripts = new string[GridSide * GridSide];
    private readonly SignalProgram[] _gridPrograms = new SignalProgram[GridSide * GridSide];
    private CandleSeries[] _series = [];
    private InstrumentSpec[] _specs = [];

    [GlobalSetup]
    public async Task Setup()
    {
        // One long walk cut into 100 tickers, so each ticker has its own path (as in BacktestBenchmarks).
        var (_, open, high, low, close, volume) = SyntheticBars.Create(Tickers * HourBars);
        var time = new long[HourBars];
        for (var i = 0; i < HourBars; i++)
        {
            time[i] = Start + (i * Hour);
        }

        _series = new CandleSeries[Tickers];
        _specs = new InstrumentSpec[Tickers];
        for (var t = 0; t < Tickers; t++)
        {
            var range = new Range(t * HourBars, (t + 1) * HourBars);
            _series[t] = new CandleSeries(time, open[range], high[range], low[range], close[range], volume[range]);
            _specs[t] = new InstrumentSpec(new Ticker(ExchangeId.Binance, $"T{t}", "USDT"), 0.01m, 0.001m, 0, 0, MarketType.Spot, null, 1);
        }

        // Fast 5-24 against slow 30-68, as BacktestBenchmarks.Grid20x20Parallel.
        for (var i = 0; i < _gridScripts.Length; i++)
        {
            _gridScripts[i] = GridScript(5 + (i % GridSide), 30 + (i / GridSide * 2));
        }

        for (var i = 0; i < _gridPrograms.Length; i++)
        {
            _gridPrograms[i] = await Prepare(_gridScripts[i], 0, CancellationToken.None);
        }
    }

    /// <summary>400 SMA-cross scripts on one 8760-bar ticker: compile, prepare and run each, in parallel.</summary>
    [Benchmark]
    public async Task<double> Grid20x20EndToEnd()
    {
        var sharpe = new double[_gridScripts.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, _gridScripts.Length), async (i, ct) =>
        {
            var program = await Prepare(_gridScripts[i], 0, ct);
            sharpe[i] = Run(0, program, ct);
        });

        return Best(sharpe);
    }

    /// <summary>The DSL's share of the grid: compile and prepare the 400 scripts, in parallel.</summary>
    [Benchmark]
    public async Task<int> Grid20x20CompileAndPrepare()
    {
        var first = new int[_gridScripts.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, _gridScripts.Length), async (i, ct) =>
            first[i] = (await Prepare(_gridScripts[i], 0, ct)).FirstTradableBar);

        return first[^1];
    }

    /// <summary>The engine's share of the grid: the 400 programs prepared in setup, run in parallel.</summary>
    [Benchmark]
    public double Grid20x20EngineOnly()
    {
        // A prepared program keeps one run's registers; each index runs its own program, so runs never share one.
        var sharpe = new double[_gridPrograms.Length];
        Parallel.For(0, _gridPrograms.Length, i => sharpe[i] = Run(0, _gridPrograms[i], CancellationToken.None));
        return Best(sharpe);
    }

    /// <summary>100 tickers x 8760 1h bars, isolated: compile once, prepare per ticker, run.</summary>
    [Benchmark]
    public async Task<double> Isolated100x8760EndToEnd()
    {
        var script = SignalCompiler.Compile(SmaCrossRsi).GetValueOrThrow();
        var legs = new BacktestLeg[Tickers];
        for (var t = 0; t < Tickers; t++)
        {
            var program = await script.PrepareAsync(new SignalContext(_specs[t].Ticker, Timeframe.H1, _series[t]));
            legs[t] = new BacktestLeg(_specs[t], _series[t], program);
        }

        return BacktestEngine.Run(new BacktestRequest(legs, Timeframe.H1, BacktestOptions.Default)).Metrics.TotalReturnPct;
    }

    /// <summary>The DSL's share of the 100-ticker run: compile once and prepare per ticker.</summary>
    [Benchmark]
    public async Task<int> Isolated100x8760PrepareOnly()
    {
        var script = SignalCompiler.Compile(SmaCrossRsi).GetValueOrThrow();
        var first = 0;
        for (var t = 0; t < Tickers; t++)
        {
            first += (await script.PrepareAsync(new SignalContext(_specs[t].Ticker, Timeframe.H1, _series[t]))).FirstTradableBar;
        }

        return first;
    }

    private static string GridScript(int fast, int slow) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        fast = sma(close, {fast})
        slow = sma(close, {slow})
        emit_signal(crossover(fast, slow), entry("LONG", Weight(1), stop_loss=3))
        emit_signal(crossunder(fast, slow), exit())
        """);

    private async ValueTask<SignalProgram> Prepare(string text, int ticker, CancellationToken cancellationToken)
    {
        var script = SignalCompiler.Compile(text).GetValueOrThrow();
        return await script.PrepareAsync(new SignalContext(_specs[ticker].Ticker, Timeframe.H1, _series[ticker]), cancellationToken);
    }

    private double Run(int ticker, SignalProgram program, CancellationToken cancellationToken)
    {
        var request = new BacktestRequest([new BacktestLeg(_specs[ticker], _series[ticker], program)], Timeframe.H1, BacktestOptions.Default);
        return BacktestEngine.Run(request, cancellationToken: cancellationToken).Metrics.Sharpe;
    }

    private static double Best(double[] values)
    {
        var best = double.NegativeInfinity;
        foreach (var v in values)
        {
            best = double.IsNaN(v) ? best : Math.Max(best, v);
        }

        return best;
    }
}
