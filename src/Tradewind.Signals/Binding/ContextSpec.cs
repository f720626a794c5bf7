using Tradewind.Core;

namespace Tradewind.Signals.Binding;

/// <summary>
/// Where a sub-expression is evaluated: the script's own ticker and timeframe (context 0), or another ticker
/// (<c>ref</c>) and/or a higher timeframe (<c>tf</c>). A null field means "the same as the script's".
/// </summary>
internal sealed record ContextSpec(int Id, string? TickerText, Timeframe? Timeframe)
{
    public bool IsBase => TickerText is null && Timeframe is null;

    public string Describe() => (TickerText, Timeframe) switch
    {
        (null, null) => "the script's ticker and timeframe",
        (null, { } tf) => $"timeframe {tf}",
        ({ } t, null) => $"ticker {t}",
        ({ } t, { } tf) => $"ticker {t} on timeframe {tf}",
    };
}
