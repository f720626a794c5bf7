namespace Tradewind.Indicators.Crypto;

/// <summary>The Crypto indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class CryptoCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield break;
    }
}
