namespace Tradewind.Indicators.Patterns;

/// <summary>The Patterns indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class PatternsCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield break;
    }
}
