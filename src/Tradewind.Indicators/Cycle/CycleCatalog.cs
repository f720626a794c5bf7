namespace Tradewind.Indicators.Cycle;

/// <summary>The Cycle indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class CycleCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield break;
    }
}
