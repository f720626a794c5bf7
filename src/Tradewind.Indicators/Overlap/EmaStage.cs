namespace Tradewind.Indicators.Overlap;

/// <summary>
/// One EMA in a cascade (DEMA, TEMA, T3): seeded with the SMA of its first `period` inputs, as TA-Lib's INT_EMA
/// seeds every stage. Batch kernels and streaming states run the same struct, so they agree bit for bit.
/// </summary>
internal struct EmaStage
{
    private readonly int _period;
    private readonly double _k;
    private readonly double _oneMinusK;
    private double _sum;
    private int _count;

    public EmaStage(int period)
    {
        _period = period;
        _k = Ema.K(period);
        _oneMinusK = 1.0 - _k;
    }

    /// <summary>The latest average (valid once <see cref="IsReady"/>).</summary>
    public double Value { readonly get; private set; }

    public readonly bool IsReady => _count >= _period;

    /// <summary>Feeds one value with TA-Lib's EMA step ((x - prev) x k) + prev; true once there is a value.</summary>
    public bool Push(double x)
    {
        if (_count >= _period)
        {
            Value = ((x - Value) * _k) + Value;
            return true;
        }

        return Seed(x);
    }

    /// <summary>Feeds one value with T3's step (k x x) + ((1 - k) x prev) (ta_T3.c); true once there is a value.</summary>
    public bool PushT3(double x)
    {
        if (_count >= _period)
        {
            Value = (_k * x) + (_oneMinusK * Value);
            return true;
        }

        return Seed(x);
    }

    public void Reset()
    {
        _sum = 0;
        _count = 0;
        Value = 0;
    }

    private bool Seed(double x)
    {
        _sum += x;
        _count++;
        if (_count < _period)
        {
            return false;
        }

        Value = _sum / _period;
        return true;
    }
}
