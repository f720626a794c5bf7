using System.Collections.Frozen;

namespace Tradewind.Core;

/// <summary>Exchange ids (lower-case wire form), parsing with helpful errors, and the market type each implies.</summary>
public static class Exchanges
{
    private static readonly ExchangeId[] All =
    [
        ExchangeId.Binance, ExchangeId.BinanceFuturesUsd, ExchangeId.Upbit, ExchangeId.Hyperliquid,
        ExchangeId.Lighter, ExchangeId.Polymarket, ExchangeId.Sim,
    ];

    private static readonly FrozenDictionary<string, ExchangeId> ById =
        All.ToFrozenDictionary(Id, e => e, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every exchange, in documentation order.</summary>
    public static IReadOnlyList<ExchangeId> List => All;

    /// <summary>The comma-separated list of valid ids, for error messages.</summary>
    public static string ValidIds => string.Join(", ", All.Select(Id));

    /// <summary>The canonical lower-case id, e.g. <c>binancefuturesusd</c>.</summary>
    public static string Id(this ExchangeId exchange) => exchange switch
    {
        ExchangeId.Binance => "binance",
        ExchangeId.BinanceFuturesUsd => "binancefuturesusd",
        ExchangeId.Upbit => "upbit",
        ExchangeId.Hyperliquid => "hyperliquid",
        ExchangeId.Lighter => "lighter",
        ExchangeId.Polymarket => "polymarket",
        ExchangeId.Sim => "sim",
        _ => throw new ArgumentOutOfRangeException(nameof(exchange), exchange, null),
    };

    /// <summary>The market type a plain <c>BASE/QUOTE</c> on this exchange means.</summary>
    public static MarketType DefaultMarketType(this ExchangeId exchange) => exchange switch
    {
        ExchangeId.Binance or ExchangeId.Upbit or ExchangeId.Sim => MarketType.Spot,
        ExchangeId.BinanceFuturesUsd or ExchangeId.Hyperliquid or ExchangeId.Lighter => MarketType.Perpetual,
        ExchangeId.Polymarket => MarketType.Prediction,
        _ => throw new ArgumentOutOfRangeException(nameof(exchange), exchange, null),
    };

    public static bool TryParse(string? text, out ExchangeId exchange)
    {
        exchange = default;
        return text is not null && ById.TryGetValue(text.Trim(), out exchange);
    }

    /// <summary>Parses an exchange id, case-insensitively; the error lists the valid ids.</summary>
    public static ExchangeId Parse(string? text) =>
        TryParse(text, out var exchange)
            ? exchange
            : ThrowHelper.Throw<ExchangeId>(
                ErrorCode.UnknownExchange,
                $"Unknown exchange '{text}'.",
                $"Valid exchanges: {ValidIds}.");
}
