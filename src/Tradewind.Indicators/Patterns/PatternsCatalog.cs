namespace Tradewind.Indicators.Patterns;

/// <summary>The Patterns indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class PatternsCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield return CdlDoji.Definition;
        yield return CdlDragonflyDoji.Definition;
        yield return CdlGravestoneDoji.Definition;
        yield return CdlLongLeggedDoji.Definition;
        yield return CdlHammer.Definition;
        yield return CdlHangingMan.Definition;
        yield return CdlInvertedHammer.Definition;
        yield return CdlShootingStar.Definition;
        yield return CdlEngulfing.Definition;
        yield return CdlHarami.Definition;
        yield return CdlHaramiCross.Definition;
        yield return CdlMorningStar.Definition;
        yield return CdlEveningStar.Definition;
        yield return CdlMorningDojiStar.Definition;
        yield return CdlEveningDojiStar.Definition;
        yield return Cdl3WhiteSoldiers.Definition;
        yield return Cdl3BlackCrows.Definition;
        yield return CdlPiercing.Definition;
        yield return CdlDarkCloudCover.Definition;
        yield return CdlMarubozu.Definition;
        yield return CdlSpinningTop.Definition;
        yield return CdlKicking.Definition;
        yield return Cdl3Inside.Definition;
        yield return Cdl3Outside.Definition;
    }
}
