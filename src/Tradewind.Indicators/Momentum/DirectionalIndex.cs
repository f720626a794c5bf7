using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// PLUS_DI and MINUS_DI, one side each: 100 x smoothed DM / smoothed true range, first value at index period.
/// TA-Lib's period 1 is the raw ratio DM1 / TR1 without the factor 100, from index 1; Tradewind keeps that.
/// </summary>
internal static class DirectionalIndex<TDirection>
    where TDirection : struct, IDirection
{
    public static int Lookback(int period) => period > 1 ? period : 1;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        var n = SeriesLength.Common(high, low, close, output);
        var lookback = Lookback(period);
        if (!WarmUp.Fill(output, n, lookback))
        {
            return;
        }

        var sink = new Output(period);
        DirectionalMovement.Run(high, low, close, period, lookback, ref sink, output);
    }

    /// <summary>This side's DI from the smoothed values.</summary>
    internal readonly struct Output(int period) : IDirectionalOutput
    {
        public static bool UsesRange => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Next(double plus, double minus, double range)
        {
            var movement = TDirection.Select(plus, minus);
            return TaLibEpsilon.IsZero(range) ? 0.0 : period > 1 ? 100.0 * (movement / range) : movement / range;
        }
    }

    /// <summary>Streaming DI of this side; equals <see cref="Compute"/> bit for bit.</summary>
    public static DirectionalStream<Output> CreateStream(int period) => new(period, Lookback(period), new Output(period));
}
