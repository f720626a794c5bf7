using System.Collections.Frozen;
using Tradewind.Core;

namespace Tradewind.Indicators;

/// <summary>
/// The one list of indicators. Lookups are case-insensitive by name or alias; a miss suggests the closest names.
/// </summary>
public sealed class IndicatorRegistry
{
    private readonly FrozenDictionary<string, IndicatorDefinition> _byName;

    public IndicatorRegistry(IEnumerable<IndicatorDefinition> definitions)
    {
        All = definitions.OrderBy(d => d.Group).ThenBy(d => d.Name, StringComparer.Ordinal).ToArray();
        var map = new Dictionary<string, IndicatorDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in All)
        {
            foreach (var name in d.Aliases.Prepend(d.Name))
            {
                if (!map.TryAdd(name, d))
                {
                    throw new InvalidOperationException($"Indicator name '{name}' is registered twice ({map[name].Name} and {d.Name}).");
                }
            }
        }

        _byName = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The registry of every built-in indicator.</summary>
    public static IndicatorRegistry Default { get; } = new(
        Overlap.OverlapCatalog.Definitions()
            .Concat(Momentum.MomentumCatalog.Definitions())
            .Concat(Momentum.TrendCatalog.Definitions())
            .Concat(Volatility.VolatilityCatalog.Definitions())
            .Concat(Volume.VolumeCatalog.Definitions())
            .Concat(Cycle.CycleCatalog.Definitions())
            .Concat(PriceTransform.PriceTransformCatalog.Definitions())
            .Concat(Statistics.StatisticsCatalog.Definitions())
            .Concat(Patterns.PatternsCatalog.Definitions())
            .Concat(Crypto.CryptoCatalog.Definitions()));

    /// <summary>Every definition, ordered by group then name.</summary>
    public IReadOnlyList<IndicatorDefinition> All { get; }

    /// <summary>Every accepted name, aliases included.</summary>
    public IEnumerable<string> Names => _byName.Keys;

    public bool TryGet(string name, out IndicatorDefinition definition) => _byName.TryGetValue(name, out definition!);

    /// <summary>Finds an indicator; the error suggests the closest names.</summary>
    public IndicatorDefinition Get(string name)
    {
        if (TryGet(name, out var d))
        {
            return d;
        }

        var close = Suggest(name, 3);
        return ThrowHelper.Throw<IndicatorDefinition>(
            ErrorCode.ValidationError,
            $"Unknown indicator '{name}'.",
            close.Count > 0 ? $"Did you mean {string.Join(", ", close.Select(c => $"'{c}'"))}?" : "See /meta/indicators or docs/indicators.md for the list.");
    }

    /// <summary>Up to <paramref name="max"/> known names closest to <paramref name="name"/> by edit distance.</summary>
    public IReadOnlyList<string> Suggest(string name, int max) => EditDistance.Closest(name, _byName.Keys, max);
}
