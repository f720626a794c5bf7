namespace Tradewind.Indicators.Patterns;

/// <summary>TA-Lib's default candle settings (ta_global.c, TA_RestoreCandleDefaultSettings).</summary>
internal static class CandleSettings
{
    /// <summary>Real body longer than the average real body of the previous 10 candles.</summary>
    public static readonly CandleSetting BodyLong = new(CandleRangeType.RealBody, 10, 1.0);

    /// <summary>Real body longer than 3 times the average real body of the previous 10 candles.</summary>
    public static readonly CandleSetting BodyVeryLong = new(CandleRangeType.RealBody, 10, 3.0);

    /// <summary>Real body shorter than the average real body of the previous 10 candles.</summary>
    public static readonly CandleSetting BodyShort = new(CandleRangeType.RealBody, 10, 1.0);

    /// <summary>Real body within 10% of the average high-low range of the previous 10 candles.</summary>
    public static readonly CandleSetting BodyDoji = new(CandleRangeType.HighLow, 10, 0.1);

    /// <summary>Shadow longer than the candle's own real body.</summary>
    public static readonly CandleSetting ShadowLong = new(CandleRangeType.RealBody, 0, 1.0);

    /// <summary>Shadow longer than twice the candle's own real body.</summary>
    public static readonly CandleSetting ShadowVeryLong = new(CandleRangeType.RealBody, 0, 2.0);

    /// <summary>Shadow shorter than half the average sum of shadows of the previous 10 candles.</summary>
    public static readonly CandleSetting ShadowShort = new(CandleRangeType.Shadows, 10, 1.0);

    /// <summary>Shadow shorter than 10% of the average high-low range of the previous 10 candles.</summary>
    public static readonly CandleSetting ShadowVeryShort = new(CandleRangeType.HighLow, 10, 0.1);

    /// <summary>Distance within 20% of the average high-low range of the previous 5 candles.</summary>
    public static readonly CandleSetting Near = new(CandleRangeType.HighLow, 5, 0.2);

    /// <summary>Distance of at least 60% of the average high-low range of the previous 5 candles.</summary>
    public static readonly CandleSetting Far = new(CandleRangeType.HighLow, 5, 0.6);

    /// <summary>Distance within 5% of the average high-low range of the previous 5 candles.</summary>
    public static readonly CandleSetting Equal = new(CandleRangeType.HighLow, 5, 0.05);

    /// <summary>The longest averaging period among <paramref name="settings"/>: the core of most pattern lookbacks.</summary>
    public static int LongestPeriod(params ReadOnlySpan<CandleSetting> settings)
    {
        var longest = 0;
        foreach (var setting in settings)
        {
            longest = Math.Max(longest, setting.AveragePeriod);
        }

        return longest;
    }
}
