namespace Tradewind.Indicators.PriceTransform;

/// <summary>The PriceTransform indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class PriceTransformCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield return AvgPrice.Definition;
        yield return MedPrice.Definition;
        yield return TypPrice.Definition;
        yield return WclPrice.Definition;
    }
}
