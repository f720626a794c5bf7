using Tradewind.Core;
using Tradewind.Indicators;
using Tradewind.Signals.Runtime;
using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

/// <summary>
/// Every registered indicator is callable by its name and each alias, with default parameters, and gives exactly
/// what its own batch kernel gives, every output included. Runs over whatever the registry holds, so each indicator
/// added to it is covered without a new test.
/// </summary>
public sealed class RegistryCoverageTests
{
    private static readonly string[] SeriesFor = ["close", "high", "low", "open", "volume"];
    private static readonly string[] HelperNames = ["sum", "min", "max", "highest", "lowest", "stdev"];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var d in TestRegistry.Instance.All)
        {
            foreach (var name in d.Aliases.Prepend(d.Name))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Indicator_ByNameOrAlias_MatchesItsKernel(string name)
    {
        var definition = TestRegistry.Instance.Get(name);
        var candles = MarketData.BtcDaily;
        var realInputs = definition.Inputs.Where(i => i.Kind == InputKind.Real).ToList();
        var arguments = string.Join(", ", realInputs.Select((_, k) => SeriesFor[k % SeriesFor.Length]));
        var expression = $"{name}({arguments})";
        if (HelperNames.Contains(name))
        {
            // A series helper of the same name takes precedence (documented); it is tested in HelperTests.
            return;
        }

        var compiled = SignalCompiler.CompileExpression(expression, TestRegistry.Options);
        Assert.True(compiled.Succeeded, string.Join("\n", compiled.Diagnostics));
        EvaluationResult result;
        try
        {
            result = await compiled.Value!.EvaluateAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.D1, candles));
        }
        catch (TradewindException e) when (e.Code == ErrorCode.TaOutOfRange)
        {
            Assert.True((int)e.Details!["bars_needed"]! > candles.Count);
            return;
        }

        var k = 0;
        var inputs = definition.Inputs.Select(i => i.Kind switch
        {
            InputKind.Open => candles.Open,
            InputKind.High => candles.High,
            InputKind.Low => candles.Low,
            InputKind.Volume => candles.Volume,
            InputKind.Close => candles.Close,
            _ => SeriesFor[k++ % SeriesFor.Length] switch
            {
                "high" => candles.High,
                "low" => candles.Low,
                "open" => candles.Open,
                "volume" => candles.Volume,
                _ => candles.Close,
            },
        }).ToArray();
        var expected = Expected(definition, inputs, candles.Time);
        Assert.Equal(definition.Outputs.Select(o => definition.Outputs.Count == 1 ? "value" : o.Name), result.Names);
        for (var o = 0; o < expected.Length; o++)
        {
            Dsl.SameSeries(expected[o], result.Columns[o]);
        }
    }

    private static double[][] Expected(IndicatorDefinition definition, double[][] inputs, long[] time)
    {
        var n = time.Length;
        var outputs = definition.Outputs.Select(_ => new double[n]).ToArray();
        definition.Compute(
            new IndicatorInputs(
                inputs.Length > 0 ? inputs[0] : default,
                inputs.Length > 1 ? inputs[1] : default,
                inputs.Length > 2 ? inputs[2] : default,
                inputs.Length > 3 ? inputs[3] : default,
                inputs.Length > 4 ? inputs[4] : default,
                time),
            definition.DefaultParameters(),
            new IndicatorOutputs(
                outputs[0],
                outputs.Length > 1 ? outputs[1] : default,
                outputs.Length > 2 ? outputs[2] : default,
                outputs.Length > 3 ? outputs[3] : default,
                outputs.Length > 4 ? outputs[4] : default));
        return outputs;
    }
}
