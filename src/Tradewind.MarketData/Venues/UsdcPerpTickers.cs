using Tradewind.Core;

namespace Tradewind.MarketData.Venues;

/// <summary>
/// Tickers of a venue whose perps are all quoted and settled in USDC (Hyperliquid, Lighter). The ticker's base is the
/// venue's name for the market; <c>X:BTC/USDC</c>, <c>X:BTC/USDT</c> and <c>X:BTC/USD</c> all name the BTC perp, whose
/// canonical ticker is <c>X:BTC/USDC:USDC</c>.
/// </summary>
internal sealed class UsdcPerpTickers
{
    private readonly ExchangeId _exchange;
    private readonly string _venue;
    private readonly string _noun;
    private readonly string _prefix;

    /// <param name="exchange">The venue.</param>
    /// <param name="venue">How messages name it, e.g. <c>Hyperliquid</c>.</param>
    /// <param name="noun">What the venue calls the base of a market: <c>coin</c> or <c>symbol</c>.</param>
    public UsdcPerpTickers(ExchangeId exchange, string venue, string noun)
    {
        _exchange = exchange;
        _venue = venue;
        _noun = noun;
        _prefix = exchange.Id().ToUpperInvariant();
    }

    /// <summary>Checks that <paramref name="ticker"/> is on this venue and names a USDC perp.</summary>
    public void Ensure(Ticker ticker)
    {
        if (ticker.Exchange != _exchange)
        {
            ThrowHelper.Throw(
                ErrorCode.InvalidTicker,
                $"Ticker '{ticker}' is not a {_venue} ticker.",
                $"Use {_prefix}:<{_noun.ToUpperInvariant()}>/USDC, e.g. {_prefix}:BTC/USDC.");
        }

        if (ticker.Quote is not ("USDC" or "USDT" or "USD") || ticker.Settle is not (null or "USDC"))
        {
            ThrowHelper.Throw(
                ErrorCode.UnknownSymbol,
                $"{_venue} has no market '{ticker}': every {_venue} perp is quoted and settled in USDC.",
                $"Use {_prefix}:{ticker.Base}/USDC ({_prefix}:{ticker.Base}/USDT means the same perp).");
        }
    }

    public Ticker Canonical(string @base) => new(_exchange, @base, "USDC", "USDC");

    /// <summary>The error for a base the venue does not list, with the <paramref name="closest"/> listed ones as the suggestion.</summary>
    public TradewindException Unknown(Ticker ticker, IReadOnlyList<string> closest)
    {
        var hint = closest.Count > 0 ? $"Did you mean {string.Join(", ", closest)}? " : string.Empty;
        return new TradewindException(
            ErrorCode.UnknownSymbol,
            $"{_venue} lists no perp '{ticker.Base}' (ticker {ticker}).",
            $"{hint}Write {_prefix}:<{_noun.ToUpperInvariant()}>/USDC with a {_noun} from the instrument list (GetInstrumentsAsync).");
    }
}
