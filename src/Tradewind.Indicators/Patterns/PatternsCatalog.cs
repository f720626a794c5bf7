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
        yield return CdlDojiStar.Definition;
        yield return CdlBeltHold.Definition;
        yield return CdlClosingMarubozu.Definition;
        yield return CdlLongLine.Definition;
        yield return CdlShortLine.Definition;
        yield return CdlHighWave.Definition;
        yield return CdlRickshawMan.Definition;
        yield return CdlTakuri.Definition;
        yield return Cdl2Crows.Definition;
        yield return Cdl3LineStrike.Definition;
        yield return CdlAbandonedBaby.Definition;
        yield return CdlAdvanceBlock.Definition;
        yield return CdlHomingPigeon.Definition;
        yield return CdlInNeck.Definition;
        yield return CdlOnNeck.Definition;
        yield return CdlThrusting.Definition;
        yield return CdlMatchingLow.Definition;
        yield return CdlSeparatingLines.Definition;
        yield return CdlCounterattack.Definition;
        yield return CdlGapSideSideWhite.Definition;
        yield return CdlStickSandwich.Definition;
        yield return CdlTristar.Definition;
        yield return CdlUnique3River.Definition;
        yield return CdlUpsideGap2Crows.Definition;
        yield return CdlXSideGap3Methods.Definition;
        yield return CdlTasukiGap.Definition;
        yield return CdlIdentical3Crows.Definition;
        yield return CdlRiseFall3Methods.Definition;
        yield return CdlMatHold.Definition;
        yield return CdlBreakaway.Definition;
        yield return CdlConcealBabySwall.Definition;
        yield return CdlLadderBottom.Definition;
        yield return Cdl3StarsInSouth.Definition;
        yield return CdlStalledPattern.Definition;
        yield return CdlKickingByLength.Definition;
        yield return CdlHikkake.Definition;
        yield return CdlHikkakeMod.Definition;
    }
}
