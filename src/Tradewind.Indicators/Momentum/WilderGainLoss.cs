namespace Tradewind.Indicators.Momentum;

/// <summary>The last step that turns Wilder's average gain and average loss into an oscillator value.</summary>
internal interface IGainLossFormula
{
    static abstract double Value(double averageGain, double averageLoss);
}

/// <summary>RSI = 100 * gain / (gain + loss); 0 when both averages are (near) zero, as TA-Lib does.</summary>
internal readonly struct RsiFormula : IGainLossFormula
{
    public static double Value(double averageGain, double averageLoss)
    {
        var sum = averageGain + averageLoss;
        return WilderGainLoss.IsZero(sum) ? 0.0 : 100.0 * (averageGain / sum);
    }
}

/// <summary>CMO = 100 * (gain - loss) / (gain + loss); 0 when both averages are (near) zero, as TA-Lib does.</summary>
internal readonly struct CmoFormula : IGainLossFormula
{
    public static double Value(double averageGain, double averageLoss)
    {
        var sum = averageGain + averageLoss;
        return WilderGainLoss.IsZero(sum) ? 0.0 : 100.0 * ((averageGain - averageLoss) / sum);
    }
}

/// <summary>
/// Wilder's average gain and average loss (TA-Lib RSI/CMO): the first averages are simple means of the first
/// `period` changes, then avg = (avg * (period - 1) + change) / period. First value at index `period`.
/// </summary>
internal static class WilderGainLoss
{
    // TA-Lib's TA_IS_ZERO threshold: sums below it are treated as "no movement" rather than divided by.
    private const double Epsilon = 1e-14;

    public static bool IsZero(double value) => -Epsilon < value && value < Epsilon;

    public static void Compute<TFormula>(ReadOnlySpan<double> input, int period, Span<double> output)
        where TFormula : struct, IGainLossFormula
    {
        var n = input.Length;
        if (n <= period)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..period].Fill(double.NaN);
        var prev = input[0];
        var gain = 0.0;
        var loss = 0.0;
        for (var i = 1; i <= period; i++)
        {
            var value = input[i];
            var change = value - prev;
            prev = value;
            if (change < 0)
            {
                loss -= change;
            }
            else
            {
                gain += change;
            }
        }

        loss /= period;
        gain /= period;
        output[period] = TFormula.Value(gain, loss);

        // The same operation order as TA-Lib (multiply, add, divide) keeps the result bit-identical.
        double keep = period - 1;
        for (var i = period + 1; i < n; i++)
        {
            var value = input[i];
            var change = value - prev;
            prev = value;
            loss *= keep;
            gain *= keep;
            if (change < 0)
            {
                loss -= change;
            }
            else
            {
                gain += change;
            }

            loss /= period;
            gain /= period;
            output[i] = TFormula.Value(gain, loss);
        }
    }
}

/// <summary>Streaming form of <see cref="WilderGainLoss"/>: same arithmetic in the same order.</summary>
internal sealed class WilderGainLossState
{
    private readonly int _period;
    private readonly double _keep;
    private double _prev;
    private double _gain;
    private double _loss;
    private int _count;

    public WilderGainLossState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _keep = period - 1;
    }

    public int Period => _period;

    /// <summary>True once the first averages exist (after period + 1 values).</summary>
    public bool IsReady => _count > _period;

    public double AverageGain => _gain;

    public double AverageLoss => _loss;

    /// <summary>Consumes one value; returns true when <see cref="AverageGain"/> and <see cref="AverageLoss"/> are valid.</summary>
    public bool Update(double value)
    {
        if (_count == 0)
        {
            _prev = value;
            _count = 1;
            return false;
        }

        var change = value - _prev;
        _prev = value;
        if (_count <= _period)
        {
            if (change < 0)
            {
                _loss -= change;
            }
            else
            {
                _gain += change;
            }

            _count++;
            if (_count <= _period)
            {
                return false;
            }

            _loss /= _period;
            _gain /= _period;
            return true;
        }

        _loss *= _keep;
        _gain *= _keep;
        if (change < 0)
        {
            _loss -= change;
        }
        else
        {
            _gain += change;
        }

        _loss /= _period;
        _gain /= _period;
        return true;
    }

    public void Reset()
    {
        _prev = 0;
        _gain = 0;
        _loss = 0;
        _count = 0;
    }
}
