namespace Tradewind.MarketData.Venues.Upbit;

/// <summary>Rows read from one candle page and the oldest and newest open times in it.</summary>
internal readonly record struct UpbitPage(int Rows, long Oldest, long Newest);
