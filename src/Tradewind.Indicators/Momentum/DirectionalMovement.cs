using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Tradewind.Indicators.Volatility;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Wilder's running +DM, -DM and true range, kept exactly as TA-Lib's PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI, DX and ADX
/// keep them: bar 0 only sets the previous high/low/close; bars 1..period-1 are summed; from bar `period` on each
/// value is smoothed as s = s - s/period + x. The six indicators differ only in their <see cref="IDirectionalOutput"/>.
/// The batch driver <see cref="Run{TOutput}"/> and the streaming <see cref="Update"/> are built from the same
/// primitives, so their bits agree.
/// </summary>
internal struct DirectionalMovement
{
    private readonly double _period;
    private readonly int _seedBars;
    private double _previousHigh;
    private double _previousLow;
    private double _previousClose;

    public DirectionalMovement(int period)
    {
        _period = period;
        _seedBars = period;
    }

    /// <summary>Bars consumed so far.</summary>
    public long Bars { get; private set; }

    /// <summary>+DM: the sum of one-bar +DM while seeding, Wilder-smoothed after.</summary>
    public double Plus { get; private set; }

    /// <summary>-DM: the sum of one-bar -DM while seeding, Wilder-smoothed after.</summary>
    public double Minus { get; private set; }

    /// <summary>True range, summed then smoothed like the DMs (only maintained by <see cref="Update"/>).</summary>
    public double Range { get; private set; }

    /// <summary>
    /// Wilder's one-bar +DM: the move above the previous high when it is positive and beats the move below the
    /// previous low, else +0.0. Equal moves count for neither side.
    /// </summary>
    /// <remarks>
    /// On real prices which side wins is close to a coin flip, so a branch mispredicts about every other bar; a
    /// compare mask ANDed with the value gives the same bits (the value, or +0.0) without branching.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PlusOf(double up, double down)
    {
        var u = Vector128.CreateScalarUnsafe(up);
        var wins = Vector128.GreaterThan(u, Vector128<double>.Zero) & Vector128.GreaterThan(u, Vector128.CreateScalarUnsafe(down));
        return (wins & u).ToScalar();
    }

    /// <summary>Wilder's one-bar -DM, the mirror of <see cref="PlusOf"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MinusOf(double up, double down)
    {
        var d = Vector128.CreateScalarUnsafe(down);
        var wins = Vector128.GreaterThan(d, Vector128<double>.Zero) & Vector128.GreaterThan(d, Vector128.CreateScalarUnsafe(up));
        return (wins & d).ToScalar();
    }

    /// <summary>Wilder's smoothing step in TA-Lib's order: s - s/period + x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Smooth(double smoothed, double value, double period) => smoothed - (smoothed / period) + value;

    /// <summary>
    /// DX = 100 |+DI - -DI| / (+DI + -DI) with DI = 100 DM / TR, in TA-Lib's operation order. False where TA-Lib
    /// leaves it undefined (true range or the DI sum within 1e-14 of zero); each indicator handles that its own way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryDirectionalIndex(double plus, double minus, double range, out double dx)
    {
        if (!TaLibEpsilon.IsZero(range))
        {
            var minusDi = 100.0 * (minus / range);
            var plusDi = 100.0 * (plus / range);
            var sum = minusDi + plusDi;
            if (!TaLibEpsilon.IsZero(sum))
            {
                dx = 100.0 * (Math.Abs(minusDi - plusDi) / sum);
                return true;
            }
        }

        dx = 0;
        return false;
    }

    /// <summary>
    /// Batch driver: writes <c>output[i] = sink.Next(+DM, -DM, TR)</c> for every bar from <paramref name="firstOutput"/>
    /// (at least 1) on and leaves earlier bars to the caller. The running values live in registers and the seed and
    /// smoothing phases are separate loops, so a bar costs what TA-Lib's does.
    /// </summary>
    public static void Run<TOutput>(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        int firstOutput,
        ref TOutput sink,
        Span<double> output)
        where TOutput : struct, IDirectionalOutput
    {
        var n = high.Length;
        if (n == 0)
        {
            return;
        }

        // A local copy lets the JIT keep the sink's fields in registers; it is written back at the end.
        var local = sink;
        var previousHigh = high[0];
        var previousLow = low[0];
        var previousClose = TOutput.UsesRange ? close[0] : 0.0;
        var plus = 0.0;
        var minus = 0.0;
        var range = 0.0;
        var seedEnd = Math.Min(period, n);
        for (var i = 1; i < seedEnd; i++)
        {
            var h = high[i];
            var l = low[i];
            var up = h - previousHigh;
            var down = previousLow - l;
            previousHigh = h;
            previousLow = l;
            plus += PlusOf(up, down);
            minus += MinusOf(up, down);
            if (TOutput.UsesRange)
            {
                range += TrueRange.Of(h, l, previousClose);
                previousClose = close[i];
            }

            if (i >= firstOutput)
            {
                output[i] = local.Next(plus, minus, range);
            }
        }

        double p = period;
        for (var i = Math.Max(period, 1); i < n; i++)
        {
            var h = high[i];
            var l = low[i];
            var up = h - previousHigh;
            var down = previousLow - l;
            previousHigh = h;
            previousLow = l;
            plus = Smooth(plus, PlusOf(up, down), p);
            minus = Smooth(minus, MinusOf(up, down), p);
            if (TOutput.UsesRange)
            {
                range = Smooth(range, TrueRange.Of(h, l, previousClose), p);
                previousClose = close[i];
            }

            output[i] = local.Next(plus, minus, range);
        }

        sink = local;
    }

    /// <summary>Streaming: consumes a bar, maintaining +DM, -DM and the true range.</summary>
    public void Update(double high, double low, double close)
    {
        if (Bars == 0)
        {
            Start(high, low, close);
            return;
        }

        var range = TrueRange.Of(high, low, _previousClose);
        _previousClose = close;
        Range = Bars < _seedBars ? Range + range : Smooth(Range, range, _period);
        Step(high, low);
    }

    /// <summary>Streaming: consumes a bar for +DM and -DM only (PLUS_DM and MINUS_DM read no close).</summary>
    public void UpdateMovement(double high, double low)
    {
        if (Bars == 0)
        {
            Start(high, low, 0);
            return;
        }

        Step(high, low);
    }

    private void Start(double high, double low, double close)
    {
        _previousHigh = high;
        _previousLow = low;
        _previousClose = close;
        Bars = 1;
    }

    private void Step(double high, double low)
    {
        var up = high - _previousHigh;
        var down = _previousLow - low;
        _previousHigh = high;
        _previousLow = low;
        if (Bars < _seedBars)
        {
            Plus += PlusOf(up, down);
            Minus += MinusOf(up, down);
        }
        else
        {
            Plus = Smooth(Plus, PlusOf(up, down), _period);
            Minus = Smooth(Minus, MinusOf(up, down), _period);
        }

        Bars++;
    }
}
