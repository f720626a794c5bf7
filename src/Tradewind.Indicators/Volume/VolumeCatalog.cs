namespace Tradewind.Indicators.Volume;

/// <summary>The Volume indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class VolumeCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield return AccumulationDistribution.Definition;
        yield return ChaikinOscillator.Definition;
        yield return Obv.Definition;
    }
}
