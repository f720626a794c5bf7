using Tradewind.Core;

namespace Tradewind.Indicators.Overlap;

/// <summary>
/// TA-Lib's MA dispatcher: one entry point for every <see cref="MaType"/>, used by indicators that take a
/// moving-average type (BBANDS, STOCH, APO, PPO, MACDEXT ...), and the <c>ma</c> indicator itself.
/// </summary>
public static class MovingAverage
{
    /// <summary>The types this build can compute, for error messages.</summary>
    internal const string AvailableTypes = "0 (SMA), 1 (EMA), 2 (WMA), 3 (DEMA), 4 (TEMA), 5 (TRIMA), 6 (KAMA), 7 (MAMA) or 8 (T3)";

    /// <summary>TA-Lib's TA_MA_Lookback. T3 uses TA-Lib's MA default volume factor, 0.7.</summary>
    public static int Lookback(int period, MaType type) => period <= 1 ? 0 : type switch
    {
        MaType.Sma => Sma.Lookback(period),
        MaType.Ema => Ema.Lookback(period),
        MaType.Wma => Wma.Lookback(period),
        MaType.Dema => Dema.Lookback(period),
        MaType.Tema => Tema.Lookback(period),
        MaType.Trima => Trima.Lookback(period),
        MaType.Kama => Kama.Lookback(period),
        MaType.T3 => T3.Lookback(period),

        // TA-Lib's MA with the MAMA type ignores the period and runs MAMA at its default limits.
        MaType.Mama => Cycle.Mama.Lookback(),
        _ => NotAvailable<int>(type),
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
            case MaType.Wma:
                Wma.Compute(input, period, output);
                break;
            case MaType.Dema:
                Dema.Compute(input, period, output);
                break;
            case MaType.Tema:
                Tema.Compute(input, period, output);
                break;
            case MaType.Trima:
                Trima.Compute(input, period, output);
                break;
            case MaType.Kama:
                Kama.Compute(input, period, output);
                break;
            case MaType.T3:
                T3.Compute(input, period, T3.DefaultVolumeFactor, output);
                break;
            case MaType.Mama:
                Cycle.Mama.Compute(input, Cycle.Mama.DefaultFastLimit, Cycle.Mama.DefaultSlowLimit, output, default);
                break;
            default:
                NotAvailable<int>(type);
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
            MaType.Wma => new WmaState(period),
            MaType.Dema => new DemaState(period),
            MaType.Tema => new TemaState(period),
            MaType.Trima => new TrimaState(period),
            MaType.Kama => new KamaState(period),
            MaType.T3 => new T3State(period),
            MaType.Mama => new MamaAdapter(new Cycle.MamaState()),
            _ => NotAvailable<IMovingAverageState>(type),
        };

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "ma",
        TaLibFunction = "MA",
        Group = IndicatorGroup.Overlap,
        Title = "Moving Average",
        Description = "Moving average of the type chosen by `ma_type`: SMA, EMA, WMA, DEMA, TEMA, TRIMA, KAMA, MAMA (limits 0.5/0.05; the period is ignored) or T3 (volume factor 0.7), "
            + "each exactly as the dedicated indicator (TA-Lib MA). Period 1 returns the source unchanged.",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30, min: 1), ParameterSpec.MovingAverage(description: "Average: " + AvailableTypes + ".")],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0], (MaType)(int)p[1]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], (MaType)(int)p[1], o.Out0),
        CreateStateUnchecked = p => new MaState((int)p[0], (MaType)(int)p[1]),
    };

    private static T NotAvailable<T>(MaType type) => ThrowHelper.Throw<T>(
        ErrorCode.InvalidParameter,
        $"Moving average type {(int)type} ({type}) is not available.",
        $"Use {AvailableTypes}.");

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

    private sealed class MamaAdapter(Cycle.MamaState inner) : IMovingAverageState
    {
        public bool IsReady => inner.IsReady;

        public double Update(double value) => inner.Update(value).Mama;

        public void Reset() => inner.Reset();
    }

    private sealed class EmaAdapter(EmaState inner) : IMovingAverageState
    {
        public bool IsReady => inner.IsReady;

        public double Update(double value) => inner.Update(value);

        public void Reset() => inner.Reset();
    }
}

/// <summary>Streaming MA of any type (the <c>ma</c> indicator); equals <see cref="MovingAverage.Compute"/> bit for bit.</summary>
public sealed class MaState : IIndicatorState, IMovingAverageState
{
    private readonly IMovingAverageState _inner;

    public MaState(int period, MaType type)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        WarmUpPeriod = MovingAverage.Lookback(period, type) + 1;
        _inner = MovingAverage.CreateState(period, type);
    }

    public int WarmUpPeriod { get; }

    public bool IsReady => _inner.IsReady;

    public double Update(double value) => _inner.Update(value);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = _inner.Update(inputs[0]);

    public void Reset() => _inner.Reset();
}
