using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// PLUS_DM and MINUS_DM, one side each: Wilder's smoothed one-bar DM. Period 1 is the raw one-bar DM from index 1;
/// otherwise the first value, at index period-1, is the plain sum of the first period-1 one-bar values.
/// </summary>
internal static class DirectionalMovementSide<TDirection>
    where TDirection : struct, IDirection
{
    public static int Lookback(int period) => period > 1 ? period - 1 : 1;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        var n = SeriesLength.Common(high, low, output);
        var lookback = Lookback(period);
        if (!WarmUp.Fill(output, n, lookback))
        {
            return;
        }

        var sink = default(Output);
        DirectionalMovement.Run(high, low, default, period, lookback, ref sink, output);
    }

    /// <summary>This side's smoothed DM itself.</summary>
    internal readonly struct Output : IDirectionalOutput
    {
        public static bool UsesRange => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Next(double plus, double minus, double range) => TDirection.Select(plus, minus);
    }

    /// <summary>Streaming DM of this side; equals <see cref="Compute"/> bit for bit.</summary>
    public static DirectionalStream<Output> CreateStream(int period) => new(period, Lookback(period), default);
}
