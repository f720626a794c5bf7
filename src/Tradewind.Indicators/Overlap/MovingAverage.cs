using Tradewind.Core;

namespace Tradewind.Indicators.Overlap;

/// <summary>
/// TA-Lib's MA dispatcher: one entry point for every <see cref="MaType"/>, used by indicators that take a
/// moving-average type (BBANDS, STOCH, APO, PPO, MACDEXT ...).
/// </summary>
public static class MovingAverage
{
    public static int Lookback(int period, MaType type) => period <= 1 ? 0 : type switch
    {
        MaType.Sma => Sma.Lookback(period),
        MaType.Ema => Ema.Lookback(period),
        _ => NotYet<int>(type),
    };

    /// <summary>Batch MA of any type. Period 1 copies the input (as TA-Lib does).</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, MaType type, Span<double> output)
    {
        if (period <= 1)
        {
            input.CopyTo(output);
            return;
        }

        switch (type)
        {
            case MaType.Sma:
                Sma.Compute(input, period, output);
                break;
            case MaType.Ema:
                Ema.Compute(input, period, output);
                break;
            default:
                NotYet<int>(type);
                break;
        }
    }

    /// <summary>A streaming MA of any type.</summary>
    public static IMovingAverageState CreateState(int period, MaType type) => period <= 1
        ? new IdentityState()
        : type switch
        {
            MaType.Sma => new SmaAdapter(new SmaState(period)),
            MaType.Ema => new EmaAdapter(new EmaState(period)),
            _ => NotYet<IMovingAverageState>(type),
        };

    private static T NotYet<T>(MaType type) => ThrowHelper.Throw<T>(
        ErrorCode.InvalidParameter,
        $"Moving average type {(int)type} ({type}) is not available.",
        "Use 0 (SMA) or 1 (EMA).");

    private sealed class IdentityState : IMovingAverageState
    {
        public bool IsReady { get; private set; }

        public double Update(double value)
        {
            IsReady = true;
            return value;
        }

        public void Reset() => IsReady = false;
    }

    private sealed class SmaAdapter(SmaState inner) : IMovingAverageState
    {
        public bool IsReady => inner.IsReady;

        public double Update(double value) => inner.Update(value);

        public void Reset() => inner.Reset();
    }

    private sealed class EmaAdapter(EmaState inner) : IMovingAverageState
    {
        public bool IsReady => inner.IsReady;

        public double Update(double value) => inner.Update(value);

        public void Reset() => inner.Reset();
    }
}
