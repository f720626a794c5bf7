namespace Tradewind.Indicators.Overlap;

/// <summary>The Overlap indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class OverlapCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield return Sma.Definition;
        yield return Ema.Definition;
        yield break;
    }
}
