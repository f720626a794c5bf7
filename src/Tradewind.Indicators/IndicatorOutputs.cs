namespace Tradewind.Indicators;

/// <summary>Up to five output columns, each as long as the inputs, in the order of the definition's outputs.</summary>
public readonly ref struct IndicatorOutputs
{
    public IndicatorOutputs(
        Span<double> out0,
        Span<double> out1 = default,
        Span<double> out2 = default,
        Span<double> out3 = default,
        Span<double> out4 = default)
    {
        Out0 = out0;
        Out1 = out1;
        Out2 = out2;
        Out3 = out3;
        Out4 = out4;
    }

    public Span<double> Out0 { get; }

    public Span<double> Out1 { get; }

    public Span<double> Out2 { get; }

    public Span<double> Out3 { get; }

    public Span<double> Out4 { get; }

    public Span<double> this[int index] => index switch
    {
        0 => Out0,
        1 => Out1,
        2 => Out2,
        3 => Out3,
        4 => Out4,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "An indicator has at most five outputs."),
    };

    public IndicatorOutputs Slice(int start) => new(
        Out0.IsEmpty ? default : Out0[start..],
        Out1.IsEmpty ? default : Out1[start..],
        Out2.IsEmpty ? default : Out2[start..],
        Out3.IsEmpty ? default : Out3[start..],
        Out4.IsEmpty ? default : Out4[start..]);

    /// <summary>Fills the first <paramref name="count"/> bars of every output with NaN (warm-up).</summary>
    public void FillNaN(int count, int outputCount)
    {
        for (var o = 0; o < outputCount; o++)
        {
            var span = this[o];
            span[..Math.Min(count, span.Length)].Fill(double.NaN);
        }
    }
}
