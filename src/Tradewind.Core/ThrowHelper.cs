using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Core;

/// <summary>Throw sites kept out of hot methods so the JIT can inline the callers.</summary>
public static class ThrowHelper
{
    [DoesNotReturn]
    public static void Throw(string code, string message, string? suggestion = null) =>
        throw new TradewindException(code, message, suggestion);

    [DoesNotReturn]
    public static T Throw<T>(string code, string message, string? suggestion = null) =>
        throw new TradewindException(code, message, suggestion);

    [DoesNotReturn]
    public static void ParameterOutOfRange(string indicator, string parameter, double value, double min, double max) =>
        throw new TradewindException(
            ErrorCode.InvalidParameter,
            $"{indicator}: parameter '{parameter}' = {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of bounds.",
            $"'{parameter}' must be between {min.ToString(System.Globalization.CultureInfo.InvariantCulture)} and {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
}
