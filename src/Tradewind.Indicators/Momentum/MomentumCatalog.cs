namespace Tradewind.Indicators.Momentum;

/// <summary>The Momentum indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class MomentumCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield return Rsi.Definition;
        yield return Cmo.Definition;
        yield return Mom.Definition;
        yield return Roc.Definition;
        yield return Rocp.Definition;
        yield return Rocr.Definition;
        yield return Rocr100.Definition;
        yield return Macd.Definition;
        yield return MacdExt.Definition;
        yield return MacdFix.Definition;
        yield return Apo.Definition;
        yield return Ppo.Definition;
        yield return Stoch.Definition;
        yield return StochF.Definition;
        yield return StochRsi.Definition;
        yield return Trix.Definition;
    }
}
