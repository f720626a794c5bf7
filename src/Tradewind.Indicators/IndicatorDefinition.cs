using Tradewind.Core;

namespace Tradewind.Indicators;

/// <summary>
/// Everything known about one indicator: names, inputs, parameters, outputs, lookback, and its two forms (batch
/// kernel and streaming state). The DSL, <c>/meta/indicators</c> and docs/indicators.md all read these.
/// </summary>
public sealed record IndicatorDefinition
{
    /// <summary>Canonical lower-case name used in the DSL, e.g. <c>bbands</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Other accepted names (case-insensitive), e.g. <c>bb</c>.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The TA-Lib function this reproduces (e.g. <c>BBANDS</c>); null when TA-Lib has none.</summary>
    public string? TaLibFunction { get; init; }

    /// <summary>Where the reference values come from when <see cref="TaLibFunction"/> is null.</summary>
    public string? Reference { get; init; }

    public required IndicatorGroup Group { get; init; }

    /// <summary>Human title, e.g. "Bollinger Bands".</summary>
    public required string Title { get; init; }

    /// <summary>One or two sentences: what it measures and the formula's source.</summary>
    public required string Description { get; init; }

    public required IReadOnlyList<InputSpec> Inputs { get; init; }

    public IReadOnlyList<ParameterSpec> Parameters { get; init; } = [];

    public required IReadOnlyList<OutputSpec> Outputs { get; init; }

    public required LookbackFunction Lookback { get; init; }

    public required BatchKernel Kernel { get; init; }

    public required StateFactory CreateStateUnchecked { get; init; }

    /// <summary>Default parameter values, in order.</summary>
    public double[] DefaultParameters() => Parameters.Select(p => p.Default).ToArray();

    /// <summary>Validates parameters against their bounds; the error names the parameter and the bounds.</summary>
    public void ValidateParameters(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length != Parameters.Count)
        {
            ThrowHelper.Throw(
                ErrorCode.InvalidParameter,
                $"{Name} takes {Parameters.Count} parameter(s) but got {parameters.Length}.",
                Parameters.Count == 0 ? $"{Name} takes no parameters." : $"Parameters: {string.Join(", ", Parameters.Select(p => p.Name))}.");
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            Parameters[i].Validate(Name, parameters[i]);
        }
    }

    /// <summary>
    /// Validated batch computation. Leading bars where any input is NaN (e.g. the warm-up of an inner indicator in
    /// <c>sma(rsi(close, 14), 5)</c>) are skipped, and the kernel runs on the rest, so composition behaves as if the
    /// inner series started at its first valid bar.
    /// </summary>
    public void Compute(scoped in IndicatorInputs inputs, ReadOnlySpan<double> parameters, scoped in IndicatorOutputs outputs)
    {
        ValidateParameters(parameters);
        var length = inputs.Length;
        for (var i = 0; i < Inputs.Count; i++)
        {
            if (inputs[i].Length != length)
            {
                throw new ArgumentException($"{Name}: input '{Inputs[i].Name}' has {inputs[i].Length} bars, expected {length}.", nameof(inputs));
            }
        }

        for (var o = 0; o < Outputs.Count; o++)
        {
            if (outputs[o].Length != length)
            {
                throw new ArgumentException($"{Name}: output '{Outputs[o].Name}' has room for {outputs[o].Length} bars, expected {length}.", nameof(outputs));
            }
        }

        var start = FirstValidBar(inputs, Inputs.Count);
        outputs.FillNaN(start, Outputs.Count);
        if (start < length)
        {
            Kernel(inputs.Slice(start), parameters, outputs.Slice(start));
        }
    }

    /// <summary>A validated streaming state that, like <see cref="Compute"/>, skips leading bars with NaN inputs.</summary>
    public IIndicatorState CreateState(ReadOnlySpan<double> parameters)
    {
        ValidateParameters(parameters);
        return new LeadingNaNSkippingState(CreateStateUnchecked(parameters), Inputs.Count, Outputs.Count);
    }

    /// <summary>First valid output index for these parameters (the TA-Lib lookback).</summary>
    public int LookbackFor(ReadOnlySpan<double> parameters)
    {
        ValidateParameters(parameters);
        return Lookback(parameters);
    }

    private static int FirstValidBar(scoped in IndicatorInputs inputs, int inputCount)
    {
        var length = inputs.Length;
        var start = 0;
        for (var i = 0; i < inputCount; i++)
        {
            var column = inputs[i];
            while (start < length && double.IsNaN(column[start]))
            {
                start++;
            }
        }

        // A later input may still be NaN where an earlier one was not; settle on a bar where all are valid.
        while (start < length)
        {
            var allValid = true;
            for (var i = 0; i < inputCount; i++)
            {
                if (double.IsNaN(inputs[i][start]))
                {
                    allValid = false;
                    break;
                }
            }

            if (allValid)
            {
                break;
            }

            start++;
        }

        return start;
    }

    private sealed class LeadingNaNSkippingState(IIndicatorState inner, int inputCount, int outputCount) : IIndicatorState
    {
        private bool _started;

        public int WarmUpPeriod => inner.WarmUpPeriod;

        public bool IsReady => inner.IsReady;

        public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs)
        {
            if (!_started)
            {
                for (var i = 0; i < inputCount; i++)
                {
                    if (double.IsNaN(inputs[i]))
                    {
                        outputs[..outputCount].Fill(double.NaN);
                        return;
                    }
                }

                _started = true;
            }

            inner.Update(time, inputs, outputs);
        }

        public void Reset()
        {
            _started = false;
            inner.Reset();
        }
    }
}
