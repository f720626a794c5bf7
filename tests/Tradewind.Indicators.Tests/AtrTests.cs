namespace Tradewind.Indicators.Tests;

/// <summary>ATR, NATR and TRANGE on a flat start, and TA-Lib's period-1 shortcut (NATR 1 is the raw true range).</summary>
public sealed class AtrTests
{
    private static readonly double[] TrueRanges = [0, 0, 0, 0, 0, 1.5, 1.2000000000000028, 1.2000000000000028, 2, 2.5, 1.2000000000000028, 1.2000000000000028, 1.9000000000000057, 1.5, 1.5, 1.5, 1.5, 2.5, 1.2000000000000028];

    [Fact]
    public void Atr_FlatStart_MatchesTaLib() =>
        FlatStartBars.AssertMatchesTaLib("atr", [3], 3, [0, 0, 0, 0.5, 0.7333333333333343, 0.8888888888888905, 1.2592592592592604, 1.6728395061728403, 1.515226337448561, 1.4101508916323748, 1.5734339277549185, 1.5489559518366125, 1.5326373012244083, 1.5217582008162722, 1.5145054672108482, 1.8430036448072322, 1.6286690965381556]);

    [Fact]
    public void Natr_FlatStart_MatchesTaLib() =>
        FlatStartBars.AssertMatchesTaLib("natr", [3], 3, [0, 0, 0, 0.4940711462450593, 0.7246376811594212, 0.8757525998905326, 1.2592592592592604, 1.6352292337955427, 1.4811596651501087, 1.3838575972839793, 1.5702933410727729, 1.5351396945853444, 1.5055376239925427, 1.494850884888283, 1.484809281579263, 1.8175578351156136, 1.612543659938768]);

    [Fact]
    public void Natr_PeriodOne_RawTrueRangeAsTaLib() => FlatStartBars.AssertMatchesTaLib("natr", [1], 1, TrueRanges);

    [Fact]
    public void Atr_PeriodOne_TrueRange() => FlatStartBars.AssertMatchesTaLib("atr", [1], 1, TrueRanges);

    [Fact]
    public void Trange_FlatStart_MatchesTaLib() => FlatStartBars.AssertMatchesTaLib("tr", [], 1, TrueRanges);

    [Theory]
    [InlineData("atr", 1)]
    [InlineData("atr", 5)]
    [InlineData("natr", 1)]
    [InlineData("natr", 5)]
    public void Stream_NonDefaultPeriod_EqualsBatchExactly(string indicator, int period) =>
        StreamParity.AssertBitIdentical(indicator, [period], "ft-30m");
}
