namespace Tradewind.Indicators.Tests.Infrastructure;

/// <summary>Runs a registry definition over a dataset, in batch or streaming form.</summary>
public static class IndicatorRunner
{
    /// <summary>The input columns in definition order. Real inputs take the named series, in order (default close).</summary>
    public static double[][] Inputs(IndicatorDefinition definition, Dataset data, IReadOnlyList<string>? realSeries = null)
    {
        var columns = new double[definition.Inputs.Count][];
        var real = 0;
        for (var i = 0; i < columns.Length; i++)
        {
            var spec = definition.Inputs[i];
            columns[i] = spec.Kind == InputKind.Real
                ? data.Field(realSeries is { Count: > 0 } ? realSeries[Math.Min(real++, realSeries.Count - 1)] : "close")
                : data.Field(spec.Kind);
        }

        return columns;
    }

    public static double[][] Batch(IndicatorDefinition definition, Dataset data, double[] parameters, IReadOnlyList<string>? realSeries = null) =>
        Batch(definition, Inputs(definition, data, realSeries), data.Time, parameters);

    public static double[][] Stream(IndicatorDefinition definition, Dataset data, double[] parameters, IReadOnlyList<string>? realSeries = null) =>
        Stream(definition, Inputs(definition, data, realSeries), data.Time, parameters);

    /// <summary>The batch kernel over input columns in definition order (for synthetic or altered series).</summary>
    public static double[][] Batch(IndicatorDefinition definition, double[][] inputs, long[] time, double[] parameters)
    {
        var outputs = NewOutputs(definition, time.Length);
        definition.Compute(MakeInputs(inputs, time), parameters, MakeOutputs(outputs));
        return outputs;
    }

    /// <summary>The streaming state fed bar by bar over input columns in definition order.</summary>
    public static double[][] Stream(IndicatorDefinition definition, double[][] inputs, long[] time, double[] parameters)
    {
        var outputs = NewOutputs(definition, time.Length);
        var state = definition.CreateState(parameters);
        Span<double> bar = stackalloc double[inputs.Length];
        Span<double> result = stackalloc double[outputs.Length];
        for (var i = 0; i < time.Length; i++)
        {
            for (var k = 0; k < inputs.Length; k++)
            {
                bar[k] = inputs[k][i];
            }

            state.Update(time[i], bar, result);
            for (var o = 0; o < outputs.Length; o++)
            {
                outputs[o][i] = result[o];
            }
        }

        return outputs;
    }

    private static double[][] NewOutputs(IndicatorDefinition definition, int length)
    {
        var outputs = new double[definition.Outputs.Count][];
        for (var o = 0; o < outputs.Length; o++)
        {
            outputs[o] = new double[length];
        }

        return outputs;
    }

    private static IndicatorInputs MakeInputs(double[][] c, long[] time) => new(
        c.Length > 0 ? c[0] : default,
        c.Length > 1 ? c[1] : default,
        c.Length > 2 ? c[2] : default,
        c.Length > 3 ? c[3] : default,
        c.Length > 4 ? c[4] : default,
        time);

    private static IndicatorOutputs MakeOutputs(double[][] o) => new(
        o[0],
        o.Length > 1 ? o[1] : default,
        o.Length > 2 ? o[2] : default,
        o.Length > 3 ? o[3] : default,
        o.Length > 4 ? o[4] : default);
}
