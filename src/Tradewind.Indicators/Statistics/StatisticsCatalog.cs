namespace Tradewind.Indicators.Statistics;

/// <summary>The Statistics indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class StatisticsCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield break;
    }
}
