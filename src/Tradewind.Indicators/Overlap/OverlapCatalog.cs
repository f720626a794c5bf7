namespace Tradewind.Indicators.Overlap;

/// <summary>The Overlap indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class OverlapCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield return Sma.Definition;
        yield return Ema.Definition;
        yield return Wma.Definition;
        yield return Dema.Definition;
        yield return Tema.Definition;
        yield return Trima.Definition;
        yield return Kama.Definition;
        yield return T3.Definition;
        yield return MovingAverage.Definition;
        yield return Mavp.Definition;
        yield return Bbands.Definition;
        yield return MidPoint.Definition;
        yield return MidPrice.Definition;
        yield return Sar.Definition;
        yield return SarExt.Definition;
    }
}
