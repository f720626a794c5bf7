using System.Collections.Frozen;
using Tradewind.Core;

namespace Tradewind.MarketData.Sim;

/// <summary>The sim's listed assets and the lookup of a ticker to one of them.</summary>
internal static class SimUniverse
{
    public const string QuoteAsset = "USDT";

    // base, anchor, beta, idio vol, USDT volume/day, spot tick, perp tick, spot lot, perp lot (decimals), leverage,
    // perp min notional, basis sensitivity.
    private static readonly SimSymbol[] AllSymbols =
    [
        new("BTC", 40000, 1.00, 0.010, 2.0e9, 2, 1, 5, 3, 100, 100m, 1.0),
        new("ETH", 2500, 1.10, 0.020, 1.0e9, 2, 2, 4, 3, 100, 20m, 1.0),
        new("SOL", 100, 1.35, 0.035, 4.0e8, 2, 2, 3, 0, 75, 5m, 1.3),
        new("BNB", 400, 0.90, 0.022, 1.5e8, 2, 2, 3, 2, 75, 5m, 0.8),
        new("XRP", 0.6, 1.15, 0.035, 3.0e8, 4, 4, 0, 1, 75, 5m, 1.2),
        new("ADA", 0.45, 1.20, 0.035, 1.0e8, 4, 4, 1, 0, 75, 5m, 1.2),
        new("DOGE", 0.10, 1.30, 0.045, 2.0e8, 5, 5, 0, 0, 75, 5m, 1.5),
        new("AVAX", 30, 1.35, 0.040, 8.0e7, 2, 3, 2, 0, 50, 5m, 1.3),
        new("DOT", 6, 1.20, 0.035, 5.0e7, 3, 3, 2, 1, 50, 5m, 1.2),
        new("LINK", 15, 1.25, 0.035, 6.0e7, 2, 3, 2, 2, 75, 5m, 1.2),
        new("LTC", 80, 1.00, 0.030, 6.0e7, 2, 2, 3, 3, 75, 5m, 1.0),
        new("BCH", 300, 1.05, 0.032, 4.0e7, 2, 2, 3, 3, 50, 5m, 1.0),
        new("TRX", 0.12, 0.70, 0.025, 4.0e7, 5, 5, 1, 0, 50, 5m, 0.8),
        new("ATOM", 8, 1.20, 0.035, 3.0e7, 3, 3, 2, 2, 50, 5m, 1.2),
        new("NEAR", 4, 1.35, 0.045, 4.0e7, 3, 3, 1, 0, 50, 5m, 1.4),
        new("UNI", 7, 1.25, 0.040, 3.0e7, 3, 3, 2, 0, 50, 5m, 1.3),
        new("APT", 8, 1.40, 0.050, 3.0e7, 3, 4, 2, 1, 50, 5m, 1.4),
        new("ARB", 1.0, 1.40, 0.050, 3.0e7, 4, 4, 1, 1, 50, 5m, 1.4),
        new("OP", 2.0, 1.40, 0.050, 3.0e7, 4, 4, 2, 1, 50, 5m, 1.4),
        new("SUI", 1.5, 1.45, 0.055, 5.0e7, 4, 4, 1, 1, 50, 5m, 1.5),
        new("FIL", 5, 1.20, 0.040, 2.0e7, 3, 3, 2, 1, 50, 5m, 1.2),
        new("XLM", 0.12, 0.90, 0.030, 2.0e7, 5, 5, 0, 0, 50, 5m, 1.0),
        new("SHIB", 0.00002, 1.40, 0.055, 5.0e7, 8, 9, 0, 0, 50, 5m, 1.5),
        new("PEPE", 0.00001, 1.60, 0.070, 1.0e8, 9, 9, 0, 0, 50, 5m, 1.6),
    ];

    private static readonly FrozenDictionary<string, int> IndexByBase = BuildIndex();

    /// <summary>Every sim symbol, in listing order.</summary>
    public static IReadOnlyList<SimSymbol> Symbols => AllSymbols;

    /// <summary>"BTC/USDT, ETH/USDT, ...": the valid symbols, for error messages.</summary>
    public static string ValidSymbols { get; } = string.Join(", ", AllSymbols.Select(s => $"{s.Base}/{QuoteAsset}"));

    public static int IndexOf(SimSymbol symbol) => IndexByBase[symbol.Base];

    /// <summary>The symbol a ticker names; an unknown one is a TradewindException listing the valid symbols.</summary>
    public static SimSymbol Resolve(Ticker ticker)
    {
        if (ticker.Exchange == ExchangeId.Sim
            && ticker.MarketType is MarketType.Spot or MarketType.Perpetual
            && ticker.Quote == QuoteAsset
            && (ticker.Settle is null || ticker.Settle == QuoteAsset)
            && IndexByBase.TryGetValue(ticker.Base, out var index))
        {
            return AllSymbols[index];
        }

        throw UnknownSymbol(ticker);
    }

    private static TradewindException UnknownSymbol(Ticker ticker)
    {
        string why;
        if (ticker.Exchange != ExchangeId.Sim)
        {
            why = $"the sim venue does not list {ticker.Exchange.Id()} instruments";
        }
        else if (ticker.Quote != QuoteAsset || (ticker.Settle is not null && ticker.Settle != QuoteAsset))
        {
            why = "every sim instrument is quoted and settled in USDT";
        }
        else
        {
            why = $"there is no sim asset '{ticker.Base}'";
        }

        var closest = AllSymbols[0];
        var best = int.MaxValue;
        foreach (var s in AllSymbols)
        {
            var d = EditDistance.Compute(s.Base, ticker.Base);
            if (d < best)
            {
                best = d;
                closest = s;
            }
        }

        var example = ticker.MarketType == MarketType.Perpetual ? closest.Perpetual : closest.Spot;
        return new TradewindException(
            ErrorCode.UnknownSymbol,
            $"Unknown sim symbol '{ticker}': {why}.",
            $"Did you mean {example}? Valid sim symbols: {ValidSymbols}; spot as SIM:BASE/USDT, perpetual as SIM:BASE/USDT:USDT.");
    }

    private static FrozenDictionary<string, int> BuildIndex()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < AllSymbols.Length; i++)
        {
            map.Add(AllSymbols[i].Base, i);
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
