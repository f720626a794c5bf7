namespace Tradewind.Indicators.Volatility;

/// <summary>The Volatility indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class VolatilityCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield return Atr.Definition;
        yield return Natr.Definition;
        yield return TrueRange.Definition;
    }
}
