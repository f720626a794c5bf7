namespace Tradewind.Indicators.Patterns;

/// <summary>Which part of a candle a <see cref="CandleSetting"/> measures (TA-Lib's TA_RangeType).</summary>
internal enum CandleRangeType
{
    /// <summary>|close - open|.</summary>
    RealBody,

    /// <summary>high - low.</summary>
    HighLow,

    /// <summary>Upper plus lower shadow; the average is halved, so it reads as one shadow.</summary>
    Shadows,
}
