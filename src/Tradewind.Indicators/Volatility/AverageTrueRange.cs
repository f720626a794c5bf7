using System.Runtime.CompilerServices;
using Tradewind.Indicators.Momentum;

namespace Tradewind.Indicators.Volatility;

/// <summary>How ATR and NATR report the smoothed true range; a struct so each gets its own JIT-specialised loop.</summary>
internal interface IAtrScale
{
    static abstract double Of(double atr, double close, int period);
}

/// <summary>ATR: the smoothed true range as it is, in price units.</summary>
internal readonly struct RawAtr : IAtrScale
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double atr, double close, int period) => atr;
}

/// <summary>
/// NATR: ATR / close x 100. TA-Lib writes 0 for a zero close on the first bar; on later bars its C code zeroes output
/// 0 instead and leaves the bar unwritten, which no caller can rely on, so Tradewind writes 0 there too. Period 1 is
/// the raw true range, not normalized, as in TA-Lib.
/// </summary>
internal readonly struct NormalizedAtr : IAtrScale
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double atr, double close, int period) =>
        period == 1 ? atr : TaLibEpsilon.IsZero(close) ? 0.0 : atr / close * 100.0;
}

/// <summary>ATR and NATR, batch and streaming, over <see cref="AtrSmoothing"/>. First value at index period.</summary>
internal static class AverageTrueRange<TScale>
    where TScale : struct, IAtrScale
{
    public static int Lookback(int period) => period;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        var n = SeriesLength.Common(high, low, close, output);
        var lookback = Lookback(period);
        if (!WarmUp.Fill(output, n, lookback))
        {
            return;
        }

        var atr = new AtrSmoothing(period);
        for (var i = 0; i < lookback; i++)
        {
            atr.Update(high[i], low[i], close[i]);
        }

        for (var i = lookback; i < n; i++)
        {
            var c = close[i];
            atr.Update(high[i], low[i], c);
            output[i] = TScale.Of(atr.Value, c, period);
        }
    }

    /// <summary>Streaming form; equals <see cref="Compute"/> bit for bit.</summary>
    internal struct Stream
    {
        private readonly int _period;
        private AtrSmoothing _atr;

        public Stream(int period)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
            _period = period;
            _atr = new AtrSmoothing(period);
        }

        public readonly int WarmUpPeriod => _period + 1;

        public readonly bool IsReady => _atr.Bars > _period;

        public double Update(double high, double low, double close) =>
            _atr.Update(high, low, close) ? TScale.Of(_atr.Value, close, _period) : double.NaN;

        public void Reset() => _atr = new AtrSmoothing(_period);
    }
}
