using Tradewind.Core;
using Tradewind.Indicators;
using Tradewind.Signals.Runtime;

namespace Tradewind.Signals.Tests.Infrastructure;

/// <summary>Short forms for tests: compile with the test registry, run on real data, compute reference indicators.</summary>
public static class Dsl
{
    public static IReadOnlyList<string> Errors(string script) =>
        SignalCompiler.Compile(script, TestRegistry.Options).Diagnostics.Select(d => d.ToString()).ToList();

    public static IReadOnlyList<string> ExpressionErrors(string expression) =>
        SignalCompiler.CompileExpression(expression, TestRegistry.Options).Diagnostics.Select(d => d.ToString()).ToList();

    public static CompiledScript Compile(string script, SignalCompilerOptions? options = null)
    {
        var result = SignalCompiler.Compile(script, options ?? TestRegistry.Options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Value!;
    }

    public static CompiledExpression CompileExpression(string expression, SignalCompilerOptions? options = null)
    {
        var result = SignalCompiler.CompileExpression(expression, options ?? TestRegistry.Options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Value!;
    }

    public static Task<SignalProgram> PrepareAsync(string script, CandleSeries candles, Ticker? ticker = null, Timeframe? timeframe = null, ISeriesSource? source = null) =>
        Compile(script).PrepareAsync(new SignalContext(ticker ?? MarketData.BtcUsdt, timeframe ?? Timeframe.D1, candles) { Source = source }).AsTask();

    public static async Task<double[]> SeriesAsync(string expression, CandleSeries candles, Timeframe? timeframe = null, ISeriesSource? source = null, Ticker? ticker = null)
    {
        var result = await CompileExpression(expression)
            .EvaluateAsync(new SignalContext(ticker ?? MarketData.BtcUsdt, timeframe ?? Timeframe.D1, candles) { Source = source });
        return result.Columns[0];
    }

    /// <summary>A registry indicator computed directly with its batch kernel (the oracle for DSL results).</summary>
    public static double[][] Indicator(string name, double[] parameters, params double[][] inputs)
    {
        var definition = TestRegistry.Instance.Get(name);
        var n = inputs[0].Length;
        var outputs = definition.Outputs.Select(_ => new double[n]).ToArray();
        definition.Compute(
            new IndicatorInputs(
                inputs[0],
                inputs.Length > 1 ? inputs[1] : default,
                inputs.Length > 2 ? inputs[2] : default,
                inputs.Length > 3 ? inputs[3] : default,
                inputs.Length > 4 ? inputs[4] : default),
            parameters,
            new IndicatorOutputs(
                outputs[0],
                outputs.Length > 1 ? outputs[1] : default,
                outputs.Length > 2 ? outputs[2] : default,
                outputs.Length > 3 ? outputs[3] : default,
                outputs.Length > 4 ? outputs[4] : default));
        return outputs;
    }

    /// <summary>Equal as series: same length, NaN where the other is NaN, values equal otherwise.</summary>
    public static void SameSeries(double[] expected, double[] actual, double tolerance = 0)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]) || double.IsNaN(actual[i]))
            {
                Assert.True(double.IsNaN(expected[i]) && double.IsNaN(actual[i]), $"bar {i}: expected {expected[i]}, got {actual[i]}");
            }
            else if (tolerance == 0)
            {
                Assert.True(expected[i] == actual[i], $"bar {i}: expected {expected[i]:R}, got {actual[i]:R}");
            }
            else
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"bar {i}: expected {expected[i]:R}, got {actual[i]:R}");
            }
        }
    }
}
