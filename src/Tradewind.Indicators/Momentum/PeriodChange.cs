namespace Tradewind.Indicators.Momentum;

/// <summary>How the value now and the value `period` bars ago combine (MOM and the ROC family).</summary>
internal interface IChangeFormula
{
    static abstract double Value(double current, double past);
}

internal readonly struct MomFormula : IChangeFormula
{
    public static double Value(double current, double past) => current - past;
}

// The ROC family returns 0 when the past value is exactly 0, as TA-Lib does, instead of an infinity.
internal readonly struct RocFormula : IChangeFormula
{
    public static double Value(double current, double past) => past != 0.0 ? ((current / past) - 1.0) * 100.0 : 0.0;
}

internal readonly struct RocpFormula : IChangeFormula
{
    public static double Value(double current, double past) => past != 0.0 ? (current - past) / past : 0.0;
}

internal readonly struct RocrFormula : IChangeFormula
{
    public static double Value(double current, double past) => past != 0.0 ? current / past : 0.0;
}

internal readonly struct Rocr100Formula : IChangeFormula
{
    public static double Value(double current, double past) => past != 0.0 ? (current / past) * 100.0 : 0.0;
}

/// <summary>Batch kernel shared by MOM and the ROC family: first value at index `period`.</summary>
internal static class PeriodChange
{
    public static void Compute<TFormula>(ReadOnlySpan<double> input, int period, Span<double> output)
        where TFormula : struct, IChangeFormula
    {
        var n = input.Length;
        if (n <= period)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..period].Fill(double.NaN);
        for (var i = period; i < n; i++)
        {
            output[i] = TFormula.Value(input[i], input[i - period]);
        }
    }
}

/// <summary>A ring buffer that hands back the value pushed `lag` pushes earlier.</summary>
internal sealed class LagBuffer
{
    private readonly double[] _ring;
    private int _head;
    private int _count;

    public LagBuffer(int lag)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lag, 1);
        _ring = new double[lag];
    }

    public int Lag => _ring.Length;

    /// <summary>True once a value has been paired with its lagged value.</summary>
    public bool IsReady => _count > _ring.Length;

    /// <summary>Stores <paramref name="value"/>; returns true and the value `lag` pushes ago once there is one.</summary>
    public bool Push(double value, out double past)
    {
        var ready = _count >= _ring.Length;
        past = _ring[_head];
        _ring[_head] = value;
        _head = _head + 1 == _ring.Length ? 0 : _head + 1;
        if (_count <= _ring.Length)
        {
            _count++;
        }

        return ready;
    }

    public void Reset()
    {
        Array.Clear(_ring);
        _head = 0;
        _count = 0;
    }
}
