using Tradewind.Core;
using Tradewind.Server.Http;

namespace Tradewind.Server.Identity;

/// <summary>What an agent key may do: <c>research</c> (market data, backtests), <c>read</c> (balances), <c>trade</c> (orders).</summary>
public static class Scopes
{
    public const string Research = "research";
    public const string Read = "read";
    public const string Trade = "trade";

    /// <summary>Every scope, in the order they are listed.</summary>
    public static IReadOnlyList<string> All { get; } = [Research, Read, Trade];

    /// <summary>A provisional key's scopes.</summary>
    public static IReadOnlyList<string> Provisional { get; } = [Research];

    /// <summary>What a claim grants unless the user chooses otherwise; <c>trade</c> is never a default.</summary>
    public static IReadOnlyList<string> ClaimedDefault { get; } = [Research, Read];

    /// <summary>Validates a requested scope list; INVALID_PERMISSIONS names the bad value. Returns them in canonical order.</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string>? requested)
    {
        if (requested is null || requested.Count == 0)
        {
            return ClaimedDefault;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < requested.Count; i++)
        {
            var scope = requested[i]?.Trim().ToLowerInvariant();
            if (scope is null || !All.Contains(scope))
            {
                throw new TradewindException(
                    ApiErrorCodes.InvalidPermissions,
                    $"scopes[{i}] = '{requested[i]}' is not a scope.",
                    $"Valid scopes: {string.Join(", ", All)}. Omit 'scopes' for the default ({string.Join(", ", ClaimedDefault)}).");
            }

            set.Add(scope);
        }

        return All.Where(set.Contains).ToArray();
    }

    public static string Join(IEnumerable<string> scopes) => string.Join(',', scopes);
}
