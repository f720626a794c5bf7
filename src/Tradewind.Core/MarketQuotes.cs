namespace Tradewind.Core;

/// <summary>A 24-hour ticker snapshot.</summary>
public sealed record TickerQuote(
    Ticker Ticker,
    long Time,
    double Last,
    double Bid,
    double Ask,
    double Open24h,
    double High24h,
    double Low24h,
    double Volume24h,
    double QuoteVolume24h)
{
    public double Change24hPct => Open24h == 0 ? 0 : (Last / Open24h - 1) * 100;
}

/// <summary>Best bid and ask with their sizes.</summary>
public sealed record TopOfBook(Ticker Ticker, long Time, double BidPrice, double BidSize, double AskPrice, double AskSize);

/// <summary>One funding event of a perpetual: the rate paid from longs to shorts (negative: shorts pay).</summary>
public readonly record struct FundingRate(long Time, double Rate);
