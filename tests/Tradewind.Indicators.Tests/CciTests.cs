namespace Tradewind.Indicators.Tests;

public sealed class CciTests
{
    [Fact]
    public void Cci_FlatWindow_Zero() =>
        FlatStartBars.AssertMatchesTaLib("cci", [3], 2, [0, 0, 0, 0, 100, 79.10447761193957, 65.5172413793124, -99.99999999999915, 67.4418604651164, 73.68421052631615, 31.250000000003748, -100, -54.36893203883527, 100.00000000000234, 72.05882352941158, 63.63636363636707, -99.99999999999787, -6.249999999999667]);

    [Theory]
    [InlineData(40)]
    [InlineData(300)] // above the kernel's stack-allocation limit: the window comes from the array pool
    public void Stream_LongWindow_EqualsBatchExactly(int period) => StreamParity.AssertBitIdentical("cci", [period], "btc-1d");
}
