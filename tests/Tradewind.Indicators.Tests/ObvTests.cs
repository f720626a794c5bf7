namespace Tradewind.Indicators.Tests;

public sealed class ObvTests
{
    [Fact]
    public void Obv_FirstValueIsFirstVolume() =>
        FlatStartBars.AssertMatchesTaLib("obv", [], 0, [0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 5.25, 5.25, 9.25, 3.25, 5.25, 5.25, 2.25, -4.75, 0.25, 4.25, 4.25, 6.25, 0.25, -2.75]);
}
