using System.Globalization;
using Tradewind.Core;

namespace Tradewind.Cli.Commands;

/// <summary>How research tables show numbers, times and durations: invariant culture, <c>na</c> for undefined.</summary>
internal static class ResearchFormat
{
    /// <summary>A DSL value: true/false for a condition, six significant digits for a number, na for NaN.</summary>
    public static string Value(double v, bool boolean) =>
        double.IsNaN(v) ? "na" : boolean ? (v != 0 ? "true" : "false") : v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A price: up to ten significant digits, so small-priced coins keep their precision.</summary>
    public static string Price(double v) => double.IsFinite(v) ? v.ToString("G10", CultureInfo.InvariantCulture) : "na";

    public static string Time(long? ms) => ms is { } t ? TimeFormat.ToIso(t) : "-";

    public static string Percent(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "na";

    public static string Ratio(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("0.000", CultureInfo.InvariantCulture) : "na";

    public static string Money(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("#,0.00", CultureInfo.InvariantCulture) : "na";

    public static string Count(double? v) => v is { } x && double.IsFinite(x) ? Math.Round(x).ToString("0", CultureInfo.InvariantCulture) : "na";

    /// <summary>Seconds as the two largest units, e.g. "3d 4h", "2h 15m", "45s".</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } s || !double.IsFinite(s))
        {
            return "na";
        }

        var total = (long)Math.Round(Math.Abs(s));
        var days = total / 86_400;
        var hours = total % 86_400 / 3_600;
        var minutes = total % 3_600 / 60;
        var rest = total % 60;
        var text = days > 0 ? Pair(days, "d", hours, "h")
            : hours > 0 ? Pair(hours, "h", minutes, "m")
            : minutes > 0 ? Pair(minutes, "m", rest, "s")
            : rest.ToString(CultureInfo.InvariantCulture) + "s";
        return s < 0 ? "-" + text : text;
    }

    private static string Pair(long major, string majorUnit, long minor, string minorUnit) => minor == 0
        ? major.ToString(CultureInfo.InvariantCulture) + majorUnit
        : string.Create(CultureInfo.InvariantCulture, $"{major}{majorUnit} {minor}{minorUnit}");
}
