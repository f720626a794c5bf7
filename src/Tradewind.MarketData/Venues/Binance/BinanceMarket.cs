using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Binance;

/// <summary>
/// What differs between Binance spot (<c>/api/v3</c>) and USD-M futures (<c>/fapi/v1</c>): host, paths, the request
/// weight budget and the weight of each call. Everything else about the two APIs is shared.
/// </summary>
internal sealed class BinanceMarket
{
    public static readonly BinanceMarket Spot = new(
        ExchangeId.Binance,
        new Uri("https://api.binance.com"),
        "/api/v3",
        isFutures: false,
        defaultWeightLimit: 6000,
        exchangeInfoWeight: 20,
        tickerWeight: 2,
        bookTickerWeight: 2);

    public static readonly BinanceMarket FuturesUsd = new(
        ExchangeId.BinanceFuturesUsd,
        new Uri("https://fapi.binance.com"),
        "/fapi/v1",
        isFutures: true,
        defaultWeightLimit: 2400,
        exchangeInfoWeight: 1,
        tickerWeight: 1,
        bookTickerWeight: 2);

    private BinanceMarket(
        ExchangeId exchange,
        Uri defaultBaseUrl,
        string prefix,
        bool isFutures,
        int defaultWeightLimit,
        int exchangeInfoWeight,
        int tickerWeight,
        int bookTickerWeight)
    {
        Exchange = exchange;
        DefaultBaseUrl = defaultBaseUrl;
        IsFutures = isFutures;
        DefaultWeightLimit = defaultWeightLimit;
        Json = new VenueJson(
            isFutures ? "Binance USD-M" : "Binance",
            $"The base URL may not point at the Binance API ({defaultBaseUrl.Host}, paths under {prefix}), or the API changed; check the endpoint configuration.");
        KlinesPath = prefix + "/klines";
        ExchangeInfoPath = prefix + "/exchangeInfo";
        Ticker24hPath = prefix + "/ticker/24hr";
        BookTickerPath = prefix + "/ticker/bookTicker";
        FundingRatePath = isFutures ? prefix + "/fundingRate" : null;
        ExchangeInfoWeight = exchangeInfoWeight;
        TickerWeight = tickerWeight;
        BookTickerWeight = bookTickerWeight;
    }

    public ExchangeId Exchange { get; }

    /// <summary>The lower-case venue id used in messages, e.g. <c>binancefuturesusd</c>.</summary>
    public string Venue => Exchange.Id();

    public Uri DefaultBaseUrl { get; }

    /// <summary>Reads this market's responses; failures name Binance spot or USD-M and the path.</summary>
    public VenueJson Json { get; }

    public bool IsFutures { get; }

    /// <summary>REQUEST_WEIGHT per minute until exchangeInfo says otherwise.</summary>
    public int DefaultWeightLimit { get; }

    /// <summary>
    /// Rows per klines request. Spot allows at most 1000. USD-M allows 1500, but there a page of 500-1000 rows weighs
    /// 5 and a page above 1000 weighs 10, so 1000-row pages fetch a third more bars per unit of weight.
    /// </summary>
    public const int KlineLimit = 1000;

    /// <summary>Rows per fundingRate request (the documented maximum).</summary>
    public const int FundingLimit = 1000;

    public string KlinesPath { get; }

    public string ExchangeInfoPath { get; }

    public string Ticker24hPath { get; }

    public string BookTickerPath { get; }

    /// <summary>Null on spot, which has no funding.</summary>
    public string? FundingRatePath { get; }

    public int ExchangeInfoWeight { get; }

    public int TickerWeight { get; }

    public int BookTickerWeight { get; }

    /// <summary>fundingRate has its own 500 per 5 minutes limit; it is counted as 1 against the IP weight.</summary>
    public const int FundingWeight = 1;

    /// <summary>Weight of one klines request with <paramref name="limit"/> rows, from the venues' weight tables.</summary>
    public int KlinesWeight(int limit)
    {
        if (!IsFutures)
        {
            return 2;
        }

        return limit switch
        {
            < 100 => 1,
            < 500 => 2,
            <= 1000 => 5,
            _ => 10,
        };
    }
}
