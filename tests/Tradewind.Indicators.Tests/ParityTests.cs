using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>The streaming state of every registered indicator equals its batch kernel bit for bit.</summary>
public sealed class ParityTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var d in IndicatorRegistry.Default.All)
        {
            foreach (var ds in Dataset.Ids)
            {
                data.Add(d.Name, ds);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stream_DefaultParameters_EqualsBatchExactly(string indicator, string dataset)
    {
        var definition = IndicatorRegistry.Default.Get(indicator);
        var data = Dataset.Load(dataset);
        var parameters = definition.DefaultParameters();
        var batch = IndicatorRunner.Batch(definition, data, parameters);
        var stream = IndicatorRunner.Stream(definition, data, parameters);
        StreamParity.AssertOutputsIdentical(definition, batch, stream, $"{indicator} on {dataset}");
        var lookback = definition.LookbackFor(parameters);
        for (var o = 0; o < batch.Length; o++)
        {
            for (var i = 0; i < Math.Min(lookback, data.Length); i++)
            {
                Assert.True(double.IsNaN(batch[o][i]), $"{indicator} {definition.Outputs[o].Name}[{i}] must be NaN during the {lookback}-bar lookback");
            }
        }

        var state = definition.CreateState(parameters);
        Assert.Equal(lookback + 1, state.WarmUpPeriod);
    }

    /// <summary>The same check with every golden case's parameters and inputs, so non-default settings are covered too.</summary>
    [Theory]
    [MemberData(nameof(GoldenTests.Files), MemberType = typeof(GoldenTests))]
    public void Stream_GoldenCaseParameters_EqualsBatchExactly(string file)
    {
        var golden = GoldenFile.Load(file);
        var definition = IndicatorRegistry.Default.Get(golden.Indicator);
        var data = Dataset.Load(golden.Dataset);
        var batch = IndicatorRunner.Batch(definition, data, golden.Params, golden.Inputs);
        var stream = IndicatorRunner.Stream(definition, data, golden.Params, golden.Inputs);
        StreamParity.AssertOutputsIdentical(definition, batch, stream, file);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reset_AfterRun_ReplaysIdentically(string indicator, string dataset)
    {
        var definition = IndicatorRegistry.Default.Get(indicator);
        var data = Dataset.Load(dataset);
        var parameters = definition.DefaultParameters();
        var state = definition.CreateState(parameters);
        var inputs = IndicatorRunner.Inputs(definition, data);
        Span<double> bar = stackalloc double[inputs.Length];
        Span<double> first = stackalloc double[definition.Outputs.Count];
        Span<double> again = stackalloc double[definition.Outputs.Count];
        var n = Math.Min(data.Length, 300);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var k = 0; k < inputs.Length; k++)
                {
                    bar[k] = inputs[k][i];
                }

                state.Update(data.Time[i], bar, pass == 0 ? first : again);
            }

            Assert.Equal(n > definition.LookbackFor(parameters), state.IsReady);
            state.Reset();
            Assert.False(state.IsReady);
        }

        for (var o = 0; o < first.Length; o++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(first[o]), BitConverter.DoubleToInt64Bits(again[o]));
        }
    }
}
