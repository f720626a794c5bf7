using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Upbit;

/// <summary>
/// Upbit writes markets quote first: <c>KRW-BTC</c> is bitcoin priced in won, Tradewind's <c>UPBIT:BTC/KRW</c>.
/// Also maps timeframes to candle paths and paths to Upbit's rate-limit groups.
/// </summary>
internal static class UpbitMarkets
{
    public const string Venue = "upbit";

    /// <summary>The Upbit market code of <paramref name="ticker"/>, after checking that it is an Upbit ticker.</summary>
    public static string ToMarketCode(Ticker ticker)
    {
        if (ticker.Exchange != ExchangeId.Upbit)
        {
            ThrowHelper.Throw(
                ErrorCode.InvalidTicker,
                $"Ticker '{ticker}' is on '{ticker.Exchange.Id()}', but this provider serves 'upbit'.",
                "Use an UPBIT: ticker with the base first, e.g. UPBIT:BTC/KRW (Upbit's KRW-BTC).");
        }

        return ticker.Quote + "-" + ticker.Base;
    }

    /// <summary>The ticker of an Upbit market code such as <c>KRW-BTC</c>.</summary>
    public static bool TryFromMarketCode(string code, out Ticker ticker)
    {
        ticker = default;
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == code.Length - 1)
        {
            return false;
        }

        ticker = new Ticker(ExchangeId.Upbit, code[(dash + 1)..], code[..dash]);
        return true;
    }

    /// <summary>
    /// The candle endpoint of <paramref name="timeframe"/>. Minutes come in units of 1, 3, 5, 10, 15, 30, 60 and 240;
    /// days start at 00:00 UTC (09:00 KST), weeks on Monday, months on the first of the month.
    /// </summary>
    public static string CandlePath(Timeframe timeframe) => timeframe.Name switch
    {
        "1m" => "/v1/candles/minutes/1",
        "5m" => "/v1/candles/minutes/5",
        "15m" => "/v1/candles/minutes/15",
        "30m" => "/v1/candles/minutes/30",
        "1h" => "/v1/candles/minutes/60",
        "4h" => "/v1/candles/minutes/240",
        "1d" => "/v1/candles/days",
        "1w" => "/v1/candles/weeks",
        "1M" => "/v1/candles/months",
        _ => ThrowHelper.Throw<string>(
            ErrorCode.UnknownTimeframe,
            $"Upbit has no candles for timeframe '{timeframe}'.",
            $"Valid timeframes: {Timeframe.ValidNames}."),
    };

    /// <summary>
    /// The rate-limit group a request counts against. Upbit limits each group separately (10 per second for market,
    /// candles, ticker and orderbook at the time of writing) and reports what is left in <c>Remaining-Req</c>.
    /// </summary>
    public static string GroupOf(string path)
    {
        if (path.Contains("/candles/", StringComparison.Ordinal))
        {
            return "candles";
        }

        if (path.Contains("/orderbook", StringComparison.Ordinal))
        {
            return "orderbook";
        }

        if (path.Contains("/ticker", StringComparison.Ordinal))
        {
            return "ticker";
        }

        return path.Contains("/market/", StringComparison.Ordinal) ? "market" : "default";
    }
}
