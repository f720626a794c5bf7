using Tradewind.MarketData.Sim;

namespace Tradewind.MarketData.Tests.Sim;

public sealed class SimMathTests
{
    [Fact]
    public void Exp_MatchesPlatformWithinFewUlps()
    {
        var rng = new SimRandom(1);
        for (var i = 0; i < 200_000; i++)
        {
            var x = (rng.NextDouble() - 0.5) * 200;
            var expected = Math.Exp(x);
            Assert.True(Math.Abs(SimMath.Exp(x) - expected) <= 1e-15 * expected, $"exp({x:R})");
        }
    }

    [Fact]
    public void Log_MatchesPlatform()
    {
        var rng = new SimRandom(2);
        for (var i = 0; i < 200_000; i++)
        {
            var x = Math.Pow(10, (rng.NextDouble() * 40) - 20) * (0.5 + rng.NextDouble());
            var expected = Math.Log(x);

            // Within a few ulps of the result, or 1e-16 absolute where ln x is near 0.
            Assert.True(Math.Abs(SimMath.Log(x) - expected) <= Math.Max(8e-16 * Math.Abs(expected), 1e-16), $"log({x:R})");
        }
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.69314718055994530942)]
    [InlineData(0.5, -0.69314718055994530942)]
    public void Log_ExactPoints(double x, double expected) => Assert.Equal(expected, SimMath.Log(x), 15);

    [Fact]
    public void Log_JustBelowAndAboveOne_KeepsRelativePrecision()
    {
        foreach (var x in new[] { 1 - 1e-12, 1 + 1e-12, 1 - 1e-6, 1 + 1e-6, 0.999_999_999_9 })
        {
            Assert.Equal(Math.Log(x), SimMath.Log(x), 1e-15 * Math.Abs(Math.Log(x)));
        }
    }

    [Fact]
    public void ExpAndLog_SpecialValues()
    {
        Assert.Equal(1.0, SimMath.Exp(0));
        Assert.Equal(0.0, SimMath.Exp(-1000));
        Assert.Equal(double.PositiveInfinity, SimMath.Exp(1000));
        Assert.True(double.IsNaN(SimMath.Exp(double.NaN)));
        Assert.Equal(double.NegativeInfinity, SimMath.Log(0));
        Assert.True(double.IsNaN(SimMath.Log(-1)));
        Assert.Equal(double.PositiveInfinity, SimMath.Log(double.PositiveInfinity));
        Assert.Equal(Math.Log(double.Epsilon), SimMath.Log(double.Epsilon), 1e-12);
    }

    [Fact]
    public void ExpAndLog_PinnedBits()
    {
        // These bits are what every platform must produce; a change here changes every sim price.
        Assert.Equal(0x4005BF0A8B14576BL, BitConverter.DoubleToInt64Bits(SimMath.Exp(1.0)));
        Assert.Equal(0x4025317A1B949C54L, BitConverter.DoubleToInt64Bits(SimMath.Log(40000.0)));
        Assert.Equal(0x3FF0000A7C5E340EL, BitConverter.DoubleToInt64Bits(SimMath.Exp(1e-5)));
    }

    [Fact]
    public void Random_PinnedSequence()
    {
        var rng = new SimRandom(SimRandom.Key(42, 4, 7, 3650));
        var first = new[] { rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64() };

        Assert.Equal(new ulong[] { 18410558759348858248, 14789096065279539507, 9823269360638064994 }, first);
    }

    [Fact]
    public void Random_Distributions_HaveTheirMoments()
    {
        var rng = new SimRandom(3);
        const int n = 400_000;
        double u = 0, z = 0, z2 = 0, t4 = 0, t5 = 0;
        var t4Below = 0;
        for (var i = 0; i < n; i++)
        {
            u += rng.NextDouble();
            var normal = rng.NextNormal();
            z += normal;
            z2 += normal * normal;
            var a = rng.NextStudentT4();
            t4 += a * a;
            if (a * Math.Sqrt(2) <= 2.776445)
            {
                t4Below++; // the 97.5% quantile of t with 4 degrees of freedom
            }

            var b = rng.NextStudentT5();
            t5 += b * b;
        }

        Assert.InRange(u / n, 0.498, 0.502);
        Assert.InRange(z / n, -0.01, 0.01);
        Assert.InRange(z2 / n, 0.99, 1.01);
        Assert.InRange(t4 / n, 0.95, 1.05);
        Assert.InRange(t4Below / (double)n, 0.973, 0.977);
        Assert.InRange(t5 / n, 0.97, 1.03);
    }

    [Fact]
    public void Random_OpenUnit_NeverZero()
    {
        var rng = new SimRandom(4);
        for (var i = 0; i < 100_000; i++)
        {
            var u = rng.NextOpenUnit();
            Assert.True(u > 0 && u <= 1);
        }
    }
}
