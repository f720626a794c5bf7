namespace Tradewind.Indicators.Crypto;

/// <summary>The Crypto indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class CryptoCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield return Vwap.Definition;
        yield return Vwma.Definition;
        yield return Hma.Definition;
        yield return Zlema.Definition;
        yield return Rma.Definition;
        yield return Alma.Definition;
        yield return Supertrend.Definition;
        yield return Donchian.Definition;
        yield return Keltner.Definition;
        yield return Ichimoku.Definition;
        yield return Chandelier.Definition;
        yield return HeikinAshi.Definition;
        yield return Cmf.Definition;
        yield return ElderRay.Definition;
        yield return Tsi.Definition;
    }
}
