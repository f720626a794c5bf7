namespace Tradewind.Indicators.Statistics;

/// <summary>TA-Lib's floating-point guards (ta_utility.h), so results switch to 0 exactly where TA-Lib's do.</summary>
internal static class TaMath
{
    /// <summary>TA_EPSILON.</summary>
    public const double Epsilon = 1e-14;

    /// <summary>TA_IS_ZERO: strictly inside (-1e-14, 1e-14).</summary>
    public static bool IsZero(double value) => -Epsilon < value && value < Epsilon;

    /// <summary>TA_IS_ZERO_OR_NEG: below 1e-14 (false for NaN, as in C).</summary>
    public static bool IsZeroOrNegative(double value) => value < Epsilon;
}
