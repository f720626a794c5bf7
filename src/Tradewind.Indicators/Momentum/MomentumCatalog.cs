namespace Tradewind.Indicators.Momentum;

/// <summary>The Momentum indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class MomentumCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield break;
    }
}
