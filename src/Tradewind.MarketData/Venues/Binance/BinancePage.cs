namespace Tradewind.MarketData.Venues.Binance;

/// <summary>Rows read from one klines or fundingRate page and the time of its last row.</summary>
internal readonly record struct BinancePage(int Rows, long LastTime);
