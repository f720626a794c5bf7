namespace Tradewind.Indicators.Patterns;

/// <summary>
/// A setting applied to the candle <see cref="Back"/> bars before the current one: its threshold is the average of
/// the setting's range over the setting's period of candles before that candle. Each one keeps its own running
/// total, as TA-Lib does, because totals started at different bars round differently.
/// </summary>
internal readonly record struct CandleAverage(CandleSetting Setting, int Back);
