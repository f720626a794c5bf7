namespace Tradewind.Indicators.Momentum;

/// <summary>
/// The Momentum indicators built on directional movement, ranges and money flow, as registered in
/// <see cref="IndicatorRegistry"/> (the other Momentum indicators are in <see cref="MomentumCatalog"/>).
/// </summary>
internal static class TrendCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield return Adx.Definition;
        yield return Adxr.Definition;
        yield return Dx.Definition;
        yield return PlusDi.Definition;
        yield return MinusDi.Definition;
        yield return PlusDm.Definition;
        yield return MinusDm.Definition;
        yield return Aroon.Definition;
        yield return AroonOscillator.Definition;
        yield return Cci.Definition;
        yield return WilliamsR.Definition;
        yield return UltimateOscillator.Definition;
        yield return BalanceOfPower.Definition;
        yield return Mfi.Definition;
    }
}
