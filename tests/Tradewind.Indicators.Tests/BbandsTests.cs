using Tradewind.Indicators.Overlap;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>
/// BBANDS with every available MA type: TA-Lib starts the deviation's running sums where the MA's output starts,
/// so a longer MA (DEMA, T3 ...) shifts the deviation window; the streaming state must shift it the same way.
/// </summary>
public sealed class BbandsTests
{
    public static TheoryData<MaType> Types() =>
        [MaType.Sma, MaType.Ema, MaType.Wma, MaType.Dema, MaType.Tema, MaType.Trima, MaType.Kama, MaType.T3];

    [Theory]
    [MemberData(nameof(Types))]
    public void Stream_EveryMaType_EqualsBatchExactly(MaType type)
    {
        var definition = IndicatorRegistry.Default.Get("bb");
        double[] parameters = [12, 2.5, 1.5, (int)type];
        foreach (var id in Dataset.Ids)
        {
            var data = Dataset.Load(id);
            var batch = IndicatorRunner.Batch(definition, data, parameters);
            var stream = IndicatorRunner.Stream(definition, data, parameters);
            for (var o = 0; o < 3; o++)
            {
                for (var i = 0; i < data.Length; i++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(batch[o][i]), BitConverter.DoubleToInt64Bits(stream[o][i]));
                }
            }
        }
    }

    [Fact]
    public void Compute_FlatSeries_BandsCollapseOntoMiddle()
    {
        var input = Enumerable.Repeat(42.5, 30).ToArray();
        var upper = new double[30];
        var middle = new double[30];
        var lower = new double[30];
        Bbands.Compute(input, 5, 2, 2, MaType.Sma, upper, middle, lower);
        for (var i = 4; i < 30; i++)
        {
            Assert.Equal(42.5, middle[i]);
            Assert.Equal(42.5, upper[i]);
            Assert.Equal(42.5, lower[i]);
        }
    }
}
