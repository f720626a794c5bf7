using System.Collections.Frozen;

namespace Tradewind.Signals.Binding;

/// <summary>The names a script can read without defining them: bar data, time, context and position state.</summary>
internal static class BuiltinNames
{
    public static readonly FrozenDictionary<string, DataField> Data = new Dictionary<string, DataField>(StringComparer.Ordinal)
    {
        ["open"] = DataField.Open,
        ["high"] = DataField.High,
        ["low"] = DataField.Low,
        ["close"] = DataField.Close,
        ["volume"] = DataField.Volume,
        ["hl2"] = DataField.Hl2,
        ["hlc3"] = DataField.Hlc3,
        ["ohlc4"] = DataField.Ohlc4,
        ["timestamp"] = DataField.Timestamp,
        ["hour"] = DataField.Hour,
        ["minute"] = DataField.Minute,
        ["dayofweek"] = DataField.DayOfWeek,
        ["dayofmonth"] = DataField.DayOfMonth,
        ["month"] = DataField.Month,
        ["year"] = DataField.Year,
        ["bar_index"] = DataField.BarIndex,
        ["funding_rate"] = DataField.FundingRate,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, ContextField> Context = new Dictionary<string, ContextField>(StringComparer.Ordinal)
    {
        ["ticker"] = ContextField.Ticker,
        ["exchange"] = ContextField.Exchange,
        ["timeframe"] = ContextField.Timeframe,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, PortfolioField> Portfolio = new Dictionary<string, PortfolioField>(StringComparer.Ordinal)
    {
        ["position_size"] = PortfolioField.PositionSize,
        ["position_side"] = PortfolioField.PositionSide,
        ["entry_price"] = PortfolioField.EntryPrice,
        ["bars_since_entry"] = PortfolioField.BarsSinceEntry,
        ["unrealized_pnl_pct"] = PortfolioField.UnrealizedPnlPct,
        ["equity"] = PortfolioField.Equity,
        ["cash"] = PortfolioField.Cash,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Functions that are not indicators or helpers.</summary>
    public static readonly FrozenSet<string> SpecialFunctions =
        new[] { "emit_signal", "entry", "exit", "Weight", "Quantity", "Notional", "tf", "ref" }.ToFrozenSet(StringComparer.Ordinal);

    public static IEnumerable<string> AllValueNames => Data.Keys.Concat(Context.Keys).Concat(Portfolio.Keys);

    public static bool IsBuiltinValue(string name) =>
        Data.ContainsKey(name) || Context.ContainsKey(name) || Portfolio.ContainsKey(name);

    public static bool IsSize(string name) => name is "Weight" or "Quantity" or "Notional";
}
