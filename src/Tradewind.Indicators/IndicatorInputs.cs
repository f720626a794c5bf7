namespace Tradewind.Indicators;

/// <summary>
/// Up to five equal-length input columns for a batch kernel, in the order of the definition's inputs, plus the bar
/// open times (Unix ms) for indicators that anchor to sessions. A ref struct: no allocation per call.
/// </summary>
public readonly ref struct IndicatorInputs
{
    public IndicatorInputs(
        ReadOnlySpan<double> in0,
        ReadOnlySpan<double> in1 = default,
        ReadOnlySpan<double> in2 = default,
        ReadOnlySpan<double> in3 = default,
        ReadOnlySpan<double> in4 = default,
        ReadOnlySpan<long> time = default)
    {
        In0 = in0;
        In1 = in1;
        In2 = in2;
        In3 = in3;
        In4 = in4;
        Time = time;
    }

    public ReadOnlySpan<double> In0 { get; }

    public ReadOnlySpan<double> In1 { get; }

    public ReadOnlySpan<double> In2 { get; }

    public ReadOnlySpan<double> In3 { get; }

    public ReadOnlySpan<double> In4 { get; }

    /// <summary>Bar open times; empty when the caller has none (only session-anchored indicators need them).</summary>
    public ReadOnlySpan<long> Time { get; }

    /// <summary>Number of bars.</summary>
    public int Length => In0.Length;

    public ReadOnlySpan<double> this[int index] => index switch
    {
        0 => In0,
        1 => In1,
        2 => In2,
        3 => In3,
        4 => In4,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "An indicator has at most five inputs."),
    };

    /// <summary>The same columns from <paramref name="start"/> on.</summary>
    public IndicatorInputs Slice(int start) => new(
        In0.IsEmpty ? default : In0[start..],
        In1.IsEmpty ? default : In1[start..],
        In2.IsEmpty ? default : In2[start..],
        In3.IsEmpty ? default : In3[start..],
        In4.IsEmpty ? default : In4[start..],
        Time.IsEmpty ? default : Time[start..]);
}
