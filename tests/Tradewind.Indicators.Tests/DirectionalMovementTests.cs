namespace Tradewind.Indicators.Tests;

/// <summary>
/// The DM/DI/DX/ADX family on bars that start flat: zero true range and zero movement make DX undefined, which
/// TA-Lib writes as 0 in DX and leaves out of ADX's first mean. Period 1 takes TA-Lib's separate code path.
/// </summary>
public sealed class DirectionalMovementTests
{
    [Fact]
    public void Dx_FlatStart_ZeroWhileUndefinedAsTaLib() =>
        FlatStartBars.AssertMatchesTaLib("dx", [3], 3, [0, 0, 0, 100, 100, 100, 32.203389830508385, 38.3399209486167, 51.32605304212178, 51.326053042121764, 44.076102623234284, 55.71029050853258, 4.125667697497952, 25.575431872276354, 25.57543187227635, 49.97320429736505, 15.292186880341879]);

    [Fact]
    public void Adx_FlatStart_UndefinedDxLeftOutOfFirstMean() =>
        FlatStartBars.AssertMatchesTaLib("adx", [3], 5, [0, 33.333333333333336, 55.555555555555564, 70.37037037037038, 57.64804352374972, 51.21200266537205, 51.25001945762196, 51.275363985788566, 48.87561019827047, 51.15383696835784, 35.477780544737875, 32.17699765391737, 29.976475726703697, 36.642051916924146, 29.52543023806339]);

    [Fact]
    public void Adxr_FlatStart_MatchesTaLib() =>
        FlatStartBars.AssertMatchesTaLib("adxr", [3], 7, [27.777777777777782, 51.85185185185186, 56.601799539652646, 60.79118651787121, 54.44903149068584, 51.24368332558031, 50.06281482794621, 51.214600477073205, 42.176695371504174, 41.6654173111376, 32.72712813572079, 34.40952478542076, 29.750952982383545]);

    [Fact]
    public void PlusDi_FlatStart_ZeroForZeroRange() =>
        FlatStartBars.AssertMatchesTaLib("plus_di", [3], 3, [0, 0, 0, 100, 68.1818181818181, 37.499999999999936, 17.6470588235294, 38.74538745387453, 39.51656708310697, 28.30739299610891, 16.91319636162851, 11.453649128676416, 29.466070428184498, 30.73672660177188, 20.58928003679598, 11.279622178907559, 18.742659219973483]);

    [Fact]
    public void MinusDi_FlatStart_ZeroForZeroRange() =>
        FlatStartBars.AssertMatchesTaLib("minus_di", [3], 3, [0, 0, 0, 0, 0, 0, 34.411764705882256, 17.26937269372689, 12.710483432916849, 9.10505836575872, 43.57327598732946, 40.26784220728732, 27.131060864722528, 18.21668115243663, 12.202612023328456, 33.814699855847316, 25.509833034779057]);

    [Fact]
    public void PlusDi_PeriodOne_RawRatioWithoutFactor100() =>
        FlatStartBars.AssertMatchesTaLib("plus_di", [1], 1, [0, 0, 0, 0, 0, 1, 0.4166666666666657, 0, 0, 0.6, 0.4166666666666657, 0, 0, 0, 0.6666666666666666, 0.3333333333333333, 0, 0, 0.4166666666666657]);

    [Fact]
    public void MinusDi_PeriodOne_RawRatioWithoutFactor100() =>
        FlatStartBars.AssertMatchesTaLib("minus_di", [1], 1, [0, 0, 0, 0, 0, 0, 0, 0, 0.6499999999999986, 0, 0, 0, 0.9473684210526272, 0.3333333333333333, 0, 0, 0, 0.6, 0]);

    [Fact]
    public void PlusDm_FlatStart_FirstValueIsPlainSum() =>
        FlatStartBars.AssertMatchesTaLib("plus_dm", [3], 2, [0, 0, 0, 0, 1.5, 1.5, 1, 0.6666666666666667, 1.9444444444444446, 1.7962962962962963, 1.1975308641975309, 0.7983539094650205, 0.5322359396433469, 1.3548239597622311, 1.4032159731748208, 0.9354773154498806, 0.6236515436332537, 0.9157676957555024]);

    [Fact]
    public void MinusDm_PeriodOne_OneBarMovement() =>
        FlatStartBars.AssertMatchesTaLib("minus_dm", [1], 1, [0, 0, 0, 0, 0, 0, 0, 0, 1.2999999999999972, 0, 0, 0, 1.7999999999999972, 0.5, 0, 0, 0, 1.5, 0]);

    [Theory]
    [InlineData("plus_dm", 1)]
    [InlineData("minus_dm", 1)]
    [InlineData("plus_di", 1)]
    [InlineData("minus_di", 1)]
    [InlineData("dx", 2)]
    [InlineData("adx", 5)]
    [InlineData("adxr", 5)]
    public void Stream_NonDefaultPeriod_EqualsBatchExactly(string indicator, int period)
    {
        StreamParity.AssertBitIdentical(indicator, [period], "ft-30m");
        StreamParity.AssertBitIdentical(indicator, [period], "btc-1d");
    }
}
