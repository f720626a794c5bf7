namespace Tradewind.Indicators.Cycle;

/// <summary>The Cycle indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
/// <remarks>HT_TRENDLINE and MAMA belong to TA-Lib's Overlap group but share the Hilbert machinery kept here.</remarks>
internal static class CycleCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield return HtDcPeriod.Definition;
        yield return HtDcPhase.Definition;
        yield return HtPhasor.Definition;
        yield return HtSine.Definition;
        yield return HtTrendMode.Definition;
        yield return HtTrendline.Definition;
        yield return Mama.Definition;
    }
}
