using System.Collections.Frozen;

namespace Tradewind.Signals.Binding;

/// <summary>What a helper argument must be.</summary>
internal enum HelperArgKind
{
    /// <summary>A number series (or constant).</summary>
    Series,

    /// <summary>A true/false series.</summary>
    Condition,

    /// <summary>A constant whole number.</summary>
    ConstInt,
}

internal sealed record HelperParameter(string Name, HelperArgKind Kind, double? Default = null, int Min = 1, int Max = 100_000);

/// <summary>A built-in series helper: its parameters, and whether it is elementwise (usable on position state).</summary>
internal sealed record HelperSpec(
    string Name,
    IReadOnlyList<HelperParameter> Parameters,
    ValueKind Result,
    bool Elementwise,
    string Summary,
    bool Variadic = false)
{
    public string Signature => Variadic
        ? $"{Name}(a, b, ...)"
        : $"{Name}({string.Join(", ", Parameters.Select(p => p.Default is { } d ? $"{p.Name}={d}" : p.Name))})";

    public int Required => Parameters.Count(p => p.Default is null);
}

/// <summary>The series helpers of the DSL. They take precedence over indicators of the same name.</summary>
internal static class HelperCatalog
{
    private static readonly HelperParameter Source = new("source", HelperArgKind.Series);
    private static readonly HelperParameter Length = new("length", HelperArgKind.ConstInt);

    public static readonly FrozenDictionary<string, HelperSpec> All = new HelperSpec[]
    {
        new("crossover", [new("a", HelperArgKind.Series), new("b", HelperArgKind.Series)], ValueKind.Bool, false,
            "true on the bar where a moves from at or below b to above it"),
        new("crossunder", [new("a", HelperArgKind.Series), new("b", HelperArgKind.Series)], ValueKind.Bool, false,
            "true on the bar where a moves from at or above b to below it"),
        new("cross", [new("a", HelperArgKind.Series), new("b", HelperArgKind.Series)], ValueKind.Bool, false,
            "crossover or crossunder"),
        new("highest", [Source, Length], ValueKind.Number, false, "highest value of the last length bars"),
        new("lowest", [Source, Length], ValueKind.Number, false, "lowest value of the last length bars"),
        new("sum", [Source, Length], ValueKind.Number, false, "sum of the last length bars"),
        new("mean", [Source, Length], ValueKind.Number, false, "mean of the last length bars"),
        new("stdev", [Source, Length], ValueKind.Number, false, "population standard deviation of the last length bars"),
        new("change", [Source, new("length", HelperArgKind.ConstInt, 1)], ValueKind.Number, false, "source minus its value length bars ago"),
        new("rising", [Source, Length], ValueKind.Bool, false, "source is above each of its previous length values"),
        new("falling", [Source, Length], ValueKind.Bool, false, "source is below each of its previous length values"),
        new("barssince", [new("condition", HelperArgKind.Condition)], ValueKind.Number, false,
            "bars since condition was last true (0 on a true bar)"),
        new("valuewhen", [new("condition", HelperArgKind.Condition), Source, new("occurrence", HelperArgKind.ConstInt, 0, 0, 1000)],
            ValueKind.Number, false, "source on the occurrence-th most recent bar where condition was true"),
        new("nz", [Source, new("replacement", HelperArgKind.Series, 0)], ValueKind.Number, true, "source, or replacement where it is na"),
        new("isna", [Source], ValueKind.Bool, true, "true where source is na"),
        new("abs", [Source], ValueKind.Number, true, "absolute value"),
        new("log", [Source], ValueKind.Number, true, "natural logarithm (na for values at or below 0)"),
        new("exp", [Source], ValueKind.Number, true, "e to the power source"),
        new("sqrt", [Source], ValueKind.Number, true, "square root (na for negative values)"),
        new("round", [Source, new("digits", HelperArgKind.ConstInt, 0, 0, 15)], ValueKind.Number, true,
            "rounds to digits decimal places, halves away from zero"),
        new("min", [new("a", HelperArgKind.Series), new("b", HelperArgKind.Series)], ValueKind.Number, true,
            "smallest of its arguments (na if any is na)", Variadic: true),
        new("max", [new("a", HelperArgKind.Series), new("b", HelperArgKind.Series)], ValueKind.Number, true,
            "largest of its arguments (na if any is na)", Variadic: true),
        new("clamp", [Source, new("low", HelperArgKind.Series), new("high", HelperArgKind.Series)], ValueKind.Number, true,
            "source limited to [low, high]"),
    }.ToFrozenDictionary(h => h.Name, StringComparer.Ordinal);

    /// <summary>Most arguments a variadic helper takes.</summary>
    public const int MaxVariadicArguments = 32;
}
