using System.Globalization;
using System.Text;

namespace Tradewind.Indicators;

/// <summary>
/// Renders the registry as the markdown of docs/indicators.md, so the reference users read is the registry itself.
/// Regenerate with <c>tradewind indicators docs &gt; docs/indicators.md</c>; a test fails when they drift.
/// </summary>
public static class IndicatorReference
{
    public static string RenderMarkdown(IndicatorRegistry registry)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Indicator reference");
        sb.AppendLine();
        sb.AppendLine("<!-- Generated from the indicator registry by `tradewind indicators docs`. Do not edit by hand. -->");
        sb.AppendLine();
        sb.AppendLine(Inv($"Tradewind has {registry.All.Count} built-in indicators. Each one:"));
        sb.AppendLine();
        sb.AppendLine("- reproduces its reference (TA-Lib where TA-Lib has the function) to 1e-9 relative on real data, with");
        sb.AppendLine("  the same first valid bar; warm-up bars are `na`;");
        sb.AppendLine("- is available in the Signal DSL by name or alias, e.g. `rsi(close, 14)`, `bbands(close, 20, 2).upper`");
        sb.AppendLine("  (the DSL's own helpers `sum`, `min`, `max`, `highest`, `lowest` and `stdev` take precedence over the");
        sb.AppendLine("  same-named entries, with the same values, and bare `hl2`/`hlc3`/`ohlc4` are price series: call `hl2()` for the indicator);");
        sb.AppendLine("- has a batch form and a streaming form that give identical values.");
        sb.AppendLine();
        sb.AppendLine("**Inputs.** `source` inputs take any series (default `close`); `open`, `high`, `low`, `close` and");
        sb.AppendLine("`volume` inputs read the bar fields of the ticker being evaluated. **Warm-up** is the index of the");
        sb.AppendLine("first value with default parameters (TA-Lib's lookback); `na` before it. Leading `na` in an input");
        sb.AppendLine("(for example an inner indicator's warm-up) is skipped, so `sma(rsi(close, 14), 5)` starts at bar 18.");
        sb.AppendLine();
        foreach (var group in registry.All.GroupBy(d => d.Group))
        {
            sb.AppendLine(Inv($"## {GroupTitle(group.Key)}"));
            sb.AppendLine();
            sb.AppendLine("| name | title | inputs | parameters (default, bounds) | outputs | warm-up |");
            sb.AppendLine("|---|---|---|---|---|---|");
            foreach (var d in group)
            {
                var names = d.Aliases.Count == 0 ? $"`{d.Name}`" : $"`{d.Name}` ({string.Join(", ", d.Aliases.Select(a => $"`{a}`"))})";
                var parameters = d.Parameters.Count == 0
                    ? "-"
                    : string.Join("<br>", d.Parameters.Select(p => $"`{p.Name}` = {Num(p.Default)} [{Num(p.Min)}, {Num(p.Max)}]"));
                sb.AppendLine(Inv(
                    $"| {names} | {d.Title} | {string.Join(", ", d.Inputs.Select(i => i.Name))} | {parameters} | {string.Join(", ", d.Outputs.Select(o => o.Name))} | {d.LookbackFor(d.DefaultParameters())} |"));
            }

            sb.AppendLine();
            foreach (var d in group)
            {
                var reference = d.TaLibFunction is { } f ? $"TA-Lib `{f}`" : d.Reference ?? "-";
                sb.AppendLine(Inv($"- **`{d.Name}`** — {d.Description} Reference: {reference}."));
                if (d.Outputs.Count > 1)
                {
                    sb.AppendLine(Inv($"  Outputs: {string.Join("; ", d.Outputs.Select(o => $"`.{o.Name}`: {o.Description}"))}"));
                }
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    private static string GroupTitle(IndicatorGroup group) => group switch
    {
        IndicatorGroup.Overlap => "Overlap studies (moving averages and bands)",
        IndicatorGroup.Momentum => "Momentum",
        IndicatorGroup.Volatility => "Volatility",
        IndicatorGroup.Volume => "Volume",
        IndicatorGroup.Cycle => "Cycle (Hilbert transform)",
        IndicatorGroup.PriceTransform => "Price transforms",
        IndicatorGroup.Statistics => "Statistics",
        IndicatorGroup.MathOperator => "Math operators",
        IndicatorGroup.Pattern => "Candlestick patterns",
        IndicatorGroup.Crypto => "Crypto and session indicators",
        _ => group.ToString(),
    };

    private static string Num(double v) => Math.Abs(v) >= 1e9 ? v.ToString("G6", CultureInfo.InvariantCulture) : v.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
