namespace Tradewind.Core;

/// <summary>One OHLCV bar. Used at the edges (import, live ticks); series math uses <see cref="CandleSeries"/>.</summary>
public readonly record struct Candle(long Time, double Open, double High, double Low, double Close, double Volume);
