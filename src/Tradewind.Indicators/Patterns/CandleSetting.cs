namespace Tradewind.Indicators.Patterns;

/// <summary>
/// One of TA-Lib's candle settings: "long", "short", "near" ... mean <see cref="Factor"/> times the average
/// <see cref="RangeType"/> of the <see cref="AveragePeriod"/> candles before the one judged (or of that candle
/// itself when the period is 0).
/// </summary>
internal readonly record struct CandleSetting(CandleRangeType RangeType, int AveragePeriod, double Factor);
