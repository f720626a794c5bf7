using System.Text.Json.Serialization;

namespace Tradewind.Server.Market;

internal sealed record SymbolInfo(
    string Symbol,
    string Ticker,
    string Exchange,
    string MarketType,
    string Base,
    string Quote,
    string? Settle,
    string? Sector,
    decimal TickSize,
    decimal LotStep,
    decimal MinQuantity,
    decimal MinNotional,
    int MaxLeverage);

internal sealed record SymbolsResponse(string Exchange, int Count, IReadOnlyList<SymbolInfo> Symbols);

internal sealed record TickerInfo(
    string Symbol,
    string Ticker,
    string Exchange,
    string MarketType,
    double Last,
    double Bid,
    double Ask,
    [property: JsonPropertyName("open_24h")] double Open24h,
    [property: JsonPropertyName("high_24h")] double High24h,
    [property: JsonPropertyName("low_24h")] double Low24h,
    [property: JsonPropertyName("volume_24h")] double Volume24h,
    [property: JsonPropertyName("quote_volume_24h")] double QuoteVolume24h,
    [property: JsonPropertyName("change_24h_pct")] double Change24hPct,
    string Timestamp);

internal sealed record TickersRequest(IReadOnlyList<string>? Symbols, string? Exchange, string? MarketType);

internal sealed record TickersResponse(string Exchange, int Count, IReadOnlyList<TickerInfo> Tickers);

internal sealed record FundingRateInfo(string Symbol, string Ticker, double FundingRate, string FundingTime, long FundingTimestamp);

internal sealed record FundingRatesResponse(string Exchange, int Count, IReadOnlyList<FundingRateInfo> Rates);

internal sealed record CandleInfo(long Timestamp, string Time, double Open, double High, double Low, double Close, double Volume);

internal sealed record OhlcvResponse(string Symbol, string Ticker, string Exchange, string Timeframe, int Count, IReadOnlyList<CandleInfo> Candles);
