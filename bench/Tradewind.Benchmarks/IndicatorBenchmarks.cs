using BenchmarkDotNet.Attributes;
using Tradewind.Indicators;

namespace Tradewind.Benchmarks;

/// <summary>
/// ns per bar of every registered indicator's batch kernel on 1,000,000 bars with default parameters
/// (the Mean column is per bar thanks to OperationsPerInvoke). Compare with tools/golden/bench-talib.sh on the
/// same machine in the same session.
///   dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*IndicatorBenchmarks*'
/// A subset: TRADEWIND_BENCH_INDICATORS=sma,ema,rsi before the command.
/// </summary>
[Config(typeof(InProcessShortConfig))]
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private const int Bars = 1_000_000;

    private double[][] _inputs = [];
    private double[][] _outputs = [];
    private long[] _time = [];
    private double[] _parameters = [];
    private IndicatorDefinition _definition = null!;

    [ParamsSource(nameof(Names))]
    public string Indicator { get; set; } = "sma";

    /// <summary>Every registered indicator, or the comma-separated subset in TRADEWIND_BENCH_INDICATORS.</summary>
    public static IEnumerable<string> Names()
    {
        var subset = Environment.GetEnvironmentVariable("TRADEWIND_BENCH_INDICATORS");
        return string.IsNullOrWhiteSpace(subset)
            ? IndicatorRegistry.Default.All.Select(d => d.Name)
            : subset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [GlobalSetup]
    public void Setup()
    {
        var (time, open, high, low, close, volume) = SyntheticBars.Create(Bars);
        _time = time;
        _definition = IndicatorRegistry.Default.Get(Indicator);
        _parameters = _definition.DefaultParameters();
        var real = 0;
        _inputs = _definition.Inputs.Select(i => i.Kind switch
        {
            InputKind.Open => open,
            InputKind.High => high,
            InputKind.Low => low,
            InputKind.Volume => volume,
            InputKind.Real => real++ == 0 ? close : high,
            _ => close,
        }).ToArray();
        _outputs = _definition.Outputs.Select(_ => new double[Bars]).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Bars)]
    public void Batch()
    {
        var i = _inputs;
        var o = _outputs;
        _definition.Compute(
            new IndicatorInputs(i[0], i.Length > 1 ? i[1] : default, i.Length > 2 ? i[2] : default, i.Length > 3 ? i[3] : default, i.Length > 4 ? i[4] : default, _time),
            _parameters,
            new IndicatorOutputs(o[0], o.Length > 1 ? o[1] : default, o.Length > 2 ? o[2] : default, o.Length > 3 ? o[3] : default, o.Length > 4 ? o[4] : default));
    }
}
