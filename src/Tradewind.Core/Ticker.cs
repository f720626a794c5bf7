using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Core;

/// <summary>
/// An instrument on an exchange: <c>EXCHANGE:BASE/QUOTE</c> (spot, prediction) or <c>EXCHANGE:BASE/QUOTE:SETTLE</c>
/// (perpetual). Input is case-insensitive; <see cref="ToString"/> is canonical (upper-case, settle always present on
/// perpetuals). Polymarket outcomes use the CLOB token id as the base and USDC as the quote.
/// </summary>
public readonly record struct Ticker
{
    public Ticker(ExchangeId exchange, string @base, string quote, string? settle = null)
    {
        Exchange = exchange;
        Base = @base.ToUpperInvariant();
        Quote = quote.ToUpperInvariant();
        var perpetual = settle is not null || exchange.DefaultMarketType() == MarketType.Perpetual;
        Settle = perpetual ? (settle ?? DefaultSettle(exchange, Quote)).ToUpperInvariant() : null;
        MarketType = perpetual ? MarketType.Perpetual : exchange.DefaultMarketType();
    }

    public ExchangeId Exchange { get; }

    public string Base { get; }

    public string Quote { get; }

    /// <summary>The settlement asset of a perpetual; null for spot and prediction markets.</summary>
    public string? Settle { get; }

    public MarketType MarketType { get; }

    /// <summary><c>BASE/QUOTE</c>, the form the order and market endpoints use.</summary>
    public string Symbol => $"{Base}/{Quote}";

    /// <summary>The canonical form, e.g. <c>BINANCEFUTURESUSD:BTC/USDT:USDT</c>.</summary>
    public override string ToString() =>
        Settle is null
            ? $"{Exchange.Id().ToUpperInvariant()}:{Base}/{Quote}"
            : $"{Exchange.Id().ToUpperInvariant()}:{Base}/{Quote}:{Settle}";

    /// <summary>Parses <c>EXCHANGE:BASE/QUOTE[:SETTLE]</c>.</summary>
    public static Ticker Parse(string text) =>
        TryParse(text, null, out var ticker, out var error) ? ticker : throw error;

    /// <summary>
    /// Parses a full ticker, or a plain <c>BASE/QUOTE[:SETTLE]</c> when <paramref name="exchange"/> is given.
    /// A full ticker whose exchange disagrees with <paramref name="exchange"/> is an error.
    /// </summary>
    public static Ticker Parse(string text, ExchangeId? exchange) =>
        TryParse(text, exchange, out var ticker, out var error) ? ticker : throw error;

    public static bool TryParse(string? text, ExchangeId? exchange, out Ticker ticker, [NotNullWhen(false)] out TradewindException? error)
    {
        ticker = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Invalid(text, "it is empty");
            return false;
        }

        var rest = text.Trim();
        ExchangeId? named = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && (slash < 0 || colon < slash))
        {
            var exchangeText = rest[..colon];
            if (!Exchanges.TryParse(exchangeText, out var parsed))
            {
                error = new TradewindException(
                    ErrorCode.UnknownExchange,
                    $"Unknown exchange '{exchangeText}' in ticker '{text}'.",
                    $"Valid exchanges: {Exchanges.ValidIds}. Example: BINANCE:BTC/USDT.");
                return false;
            }

            named = parsed;
            rest = rest[(colon + 1)..];
        }

        if (named is { } n && exchange is { } e && n != e)
        {
            error = Invalid(text, $"it names exchange '{n.Id()}' but '{e.Id()}' was requested");
            return false;
        }

        var venue = named ?? exchange;
        if (venue is null)
        {
            error = Invalid(text, "it has no exchange prefix and no exchange was given");
            return false;
        }

        string? settle = null;
        var settleColon = rest.IndexOf(':', StringComparison.Ordinal);
        if (settleColon >= 0)
        {
            settle = rest[(settleColon + 1)..];
            rest = rest[..settleColon];
            if (!IsAssetName(settle))
            {
                error = Invalid(text, $"settle asset '{settle}' is not a valid asset name");
                return false;
            }
        }

        string @base;
        string quote;
        slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            if (venue != ExchangeId.Polymarket)
            {
                error = Invalid(text, "it has no '/' between base and quote");
                return false;
            }

            @base = rest;
            quote = "USDC";
        }
        else
        {
            @base = rest[..slash];
            quote = rest[(slash + 1)..];
        }

        if (!IsAssetName(@base) || !IsAssetName(quote))
        {
            error = Invalid(text, $"'{@base}/{quote}' is not BASE/QUOTE with letters and digits");
            return false;
        }

        var marketType = venue.Value.DefaultMarketType();
        if (settle is not null && marketType != MarketType.Perpetual && venue != ExchangeId.Sim)
        {
            error = Invalid(text, $"'{venue.Value.Id()}' lists {marketType.ToString().ToLowerInvariant()} markets, which have no settle asset");
            return false;
        }

        ticker = new Ticker(venue.Value, @base, quote, settle);
        return true;
    }

    private static string DefaultSettle(ExchangeId exchange, string quote) => exchange switch
    {
        // Hyperliquid and Lighter settle every perp in USDC, whatever quote the caller wrote.
        ExchangeId.Hyperliquid or ExchangeId.Lighter => "USDC",
        _ => quote,
    };

    private static bool IsAssetName(string s)
    {
        if (s.Length is 0 or > 80)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    private static TradewindException Invalid(string? text, string why) =>
        new(
            ErrorCode.InvalidTicker,
            $"Invalid ticker '{text}': {why}.",
            "Use EXCHANGE:BASE/QUOTE (e.g. BINANCE:BTC/USDT) or EXCHANGE:BASE/QUOTE:SETTLE for perpetuals (e.g. BINANCEFUTURESUSD:BTC/USDT:USDT).");
}
