using System.Globalization;
using Tradewind.Core;

namespace Tradewind.Server.Http;

/// <summary>Parses query-string values with errors that name the parameter and its valid range.</summary>
internal static class QueryValues
{
    public static int Int(string? text, string name, int defaultValue, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"'{name}' = '{text}' is not a whole number from {min} to {max}.", $"Pass '{name}' between {min} and {max} (default {defaultValue}).");
        }

        return value;
    }

    public static string Require(string? text, string name, string example)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"'{name}' is required.", $"Pass '{name}', e.g. {example}.");
        }

        return text.Trim();
    }

    /// <summary>One of the listed values (case-insensitive), or null when absent.</summary>
    public static string? OneOf(string? text, string name, params string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var a in allowed)
        {
            if (string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return a;
            }
        }

        return ThrowHelper.Throw<string>(ErrorCode.ValidationError, $"'{name}' = '{text}' is not valid.", $"Valid values: {string.Join(", ", allowed)}.");
    }
}
