using Tradewind.Indicators.Crypto;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

public sealed class SupertrendTests
{
    [Fact]
    public void Compute_RealData_LineIsTheBandOfTheTrendAndFlips()
    {
        var data = Dataset.Load("btc-1d");
        var value = new double[data.Length];
        var direction = new double[data.Length];
        Supertrend.Compute(data.High, data.Low, data.Close, 10, 3, value, direction);
        var flips = 0;
        for (var i = 10; i < data.Length; i++)
        {
            Assert.True(direction[i] is 1 or -1);

            // Up: the line is a stop at or below the close; down: at or above it.
            Assert.True(direction[i] == 1 ? data.Close[i] >= value[i] : data.Close[i] <= value[i]);
            if (i > 10 && direction[i] != direction[i - 1])
            {
                flips++;
            }
        }

        Assert.InRange(flips, 10, 200);
    }

    [Fact]
    public void Update_FirstBarClosesAboveUpperBand_StartsDownAsTradingView()
    {
        // Ten quiet bars, then a bar whose range dwarfs the ATR and that closes at its high: above hl2 + 3 x ATR.
        var state = new SupertrendState(10, 3);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(double.IsNaN(state.Update(100.5, 99.5, 100).Value));
        }

        var (value, direction) = state.Update(200, 100, 200);
        var atr = ((9 * 1.0) + 100) / 10;
        Assert.True(200 > 150 + (3 * atr));
        Assert.Equal(-1, direction);
        Assert.Equal(150 + (3 * atr), value);

        // That close was above the band, so the next bar's upper band is not held down by it but taken afresh.
        var next = state.Update(260, 240, 259);
        var nextAtr = ((atr * 9) + 60) / 10;
        Assert.Equal(-1, next.Direction);
        Assert.Equal(250 + (3 * nextAtr), next.Value, 1e-12);
    }
}
