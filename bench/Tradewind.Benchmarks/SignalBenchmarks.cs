using BenchmarkDotNet.Attributes;
using Tradewind.Core;
using Tradewind.Indicators;
using Tradewind.Signals;
using Tradewind.Signals.Intents;
using Tradewind.Signals.Runtime;

namespace Tradewind.Benchmarks;

/// <summary>
/// The Signal DSL's speed targets:
/// - <see cref="SmaCrossRsiEndToEnd"/>: an SMA-cross strategy with an RSI filter on 1,000,000 one-minute bars, end to
///   end (compile, prepare the vector plan, then one EvaluateBar per bar as the engine calls it). Mean is ns per bar
///   (OperationsPerInvoke); target at most 30 ns/bar.
/// - <see cref="ScanRsi500x1000"/>: <c>rsi(close, 14)[-1] &lt; 30</c> over 500 tickers x 1000 bars; target under 50 ms.
///   dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*SignalBenchmarks*'
/// </summary>
[Config(typeof(InProcessShortConfig))]
[MemoryDiagnoser]
public class SignalBenchmarks
{
    private const int Bars = 1_000_000;

    private const string SmaCrossRsi = """
        fast = sma(close, 10)
        slow = sma(close, 30)
        r = rsi(close, 14)
        emit_signal(crossover(fast, slow) and r < 70, entry("LONG", Weight(1)))
        emit_signal(crossunder(fast, slow), exit())
        """;

    private readonly List<EmittedSignal> _sink = new(100_000);
    private readonly FlatPortfolio _portfolio = new();
    private SignalCompilerOptions _options = SignalCompilerOptions.Default;
    private SignalContext _oneMinute = null!;
    private List<SignalContext> _universe = [];
    private CompiledExpression _scan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _options = new SignalCompilerOptions { Registry = RegistryWithRsi() };
        var (time, open, high, low, close, volume) = SyntheticBars.Create(Bars);
        _oneMinute = new SignalContext(Ticker.Parse("SIM:BTC/USDT"), Timeframe.M1, new CandleSeries(time, open, high, low, close, volume));
        _universe = [.. Enumerable.Range(0, 500).Select(k =>
        {
            // Each ticker a different 1000-bar stretch of the walk, so values differ between tickers.
            var start = k * 1000;
            return new SignalContext(
                Ticker.Parse($"SIM:T{k}/USDT"),
                Timeframe.M1,
                new CandleSeries(time[start..(start + 1000)], open[start..(start + 1000)], high[start..(start + 1000)], low[start..(start + 1000)], close[start..(start + 1000)], volume[start..(start + 1000)]));
        })];
        _scan = SignalCompiler.CompileExpression("rsi(close, 14)[-1] < 30", _options).GetValueOrThrow();
    }

    [Benchmark(OperationsPerInvoke = Bars)]
    public async Task<int> SmaCrossRsiEndToEnd()
    {
        var script = SignalCompiler.Compile(SmaCrossRsi, _options).GetValueOrThrow();
        var program = await script.PrepareAsync(_oneMinute);
        _sink.Clear();
        for (var bar = 0; bar < program.BarCount; bar++)
        {
            program.EvaluateBar(bar, _portfolio, _sink);
        }

        return _sink.Count;
    }

    [Benchmark(OperationsPerInvoke = Bars)]
    public async Task<int> SmaCrossRsiPrepareOnly()
    {
        var script = SignalCompiler.Compile(SmaCrossRsi, _options).GetValueOrThrow();
        var program = await script.PrepareAsync(_oneMinute);
        return program.FirstTradableBar;
    }

    [Benchmark]
    public async Task<int> ScanRsi500x1000()
    {
        var rows = await _scan.ScanAsync(_universe);
        var hits = 0;
        foreach (var row in rows)
        {
            hits += row.Value == 1 ? 1 : 0;
        }

        return hits;
    }

    [Benchmark]
    public CompiledScript CompileSmaCrossRsi() => SignalCompiler.Compile(SmaCrossRsi, _options).GetValueOrThrow();

    /// <summary>
    /// The default registry, plus a Wilder RSI under the name rsi only while the registry on this branch has none;
    /// once the real one is registered it is what these benchmarks time.
    /// </summary>
    private static IndicatorRegistry RegistryWithRsi()
    {
        if (IndicatorRegistry.Default.TryGet("rsi", out _))
        {
            return IndicatorRegistry.Default;
        }

        var rsi = new IndicatorDefinition
        {
            Name = "rsi",
            Group = IndicatorGroup.Momentum,
            Title = "Relative Strength Index (benchmark stand-in)",
            Description = "Wilder RSI.",
            Inputs = [new InputSpec("source", InputKind.Real)],
            Parameters = [ParameterSpec.Period(14)],
            Outputs = [new OutputSpec("value", "RSI.")],
            Lookback = p => (int)p[0],
            Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => WilderRsi(i.In0, (int)p[0], o.Out0),
            CreateStateUnchecked = _ => throw new NotSupportedException("Benchmark stand-in has no streaming state."),
        };
        return new IndicatorRegistry(IndicatorRegistry.Default.All.Append(rsi));
    }

    private static void WilderRsi(ReadOnlySpan<double> x, int period, Span<double> output)
    {
        var n = x.Length;
        output[..Math.Min(n, period)].Fill(double.NaN);
        if (n <= period)
        {
            return;
        }

        double gain = 0, loss = 0;
        for (var i = 1; i <= period; i++)
        {
            var d = x[i] - x[i - 1];
            gain += Math.Max(d, 0);
            loss += Math.Max(-d, 0);
        }

        gain /= period;
        loss /= period;
        var keep = period - 1.0;
        output[period] = gain + loss == 0 ? 0 : 100 * gain / (gain + loss);
        for (var i = period + 1; i < n; i++)
        {
            var d = x[i] - x[i - 1];
            gain = ((gain * keep) + Math.Max(d, 0)) / period;
            loss = ((loss * keep) + Math.Max(-d, 0)) / period;
            var sum = gain + loss;
            output[i] = sum == 0 ? 0 : 100 * gain / sum;
        }
    }

    private sealed class FlatPortfolio : IPortfolioView
    {
        public double Equity => 10_000;

        public double Cash => 10_000;

        public PositionState Position(Ticker ticker) => PositionState.Flat;
    }
}
