namespace Tradewind.MarketData.Sim;

/// <summary>
/// Natural exp and log built from IEEE-754 + - * / and bit manipulation only. Math.Exp and Math.Log call the
/// platform's libm, whose last bits differ between operating systems, CPUs and runtime versions; these do not, so the
/// sim produces the same bits everywhere. Both are table-driven (Tang's method): a small table built at start-up by
/// slower pure-arithmetic series, then a short polynomial. Accuracy is within a few ulps, far finer than any tick.
/// </summary>
internal static class SimMath
{
    // ln 2 split in two: the high part keeps only its top 32 significant bits, so k * Ln2Hi is exact for
    // |k| < 2^20 and the reduction x - k ln 2 loses nothing (Cody and Waite's argument reduction).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double Sqrt2 = 1.41421356237309504880;

    private const int ExpTableBits = 6;
    private const int ExpTableSize = 1 << ExpTableBits;
    private const double ExpScale = ExpTableSize * InvLn2;
    private const double ExpLn2Hi = Ln2Hi / ExpTableSize; // dividing by a power of two is exact
    private const double ExpLn2Lo = Ln2Lo / ExpTableSize;

    private const int LogTableBits = 7;
    private const int LogShift = 52 - LogTableBits;

    private const long MantissaMask = 0x000F_FFFF_FFFF_FFFFL;
    private const long ExponentOne = 0x3FF0_0000_0000_0000L;

    /// <summary>2^(j/64), j = 0..63.</summary>
    private static readonly double[] ExpTable = BuildExpTable();

    /// <summary>ln(1 + j/128) and 1 / (1 + j/128), j = 0..128.</summary>
    private static readonly double[] LogTable = BuildLogTable(out InverseTable);

    private static readonly double[] InverseTable;

    /// <summary>e^x. Returns +infinity above 709 and 0 below -708 (the sim never gets near either).</summary>
    public static double Exp(double x)
    {
        if (!(x <= 709.0))
        {
            return double.IsNaN(x) ? x : double.PositiveInfinity;
        }

        if (x < -708.0)
        {
            return 0.0;
        }

        // x = (64 e + j) ln2/64 + r with |r| <= ln2/128; e^x = 2^e 2^(j/64) e^r, e^r by a degree-5 polynomial
        // (truncation error below 2^-54).
        var k = Math.Round(x * ExpScale);
        var r = (x - (k * ExpLn2Hi)) - (k * ExpLn2Lo);
        var ki = (long)k;
        var p = (1.0 / 24.0) + (r * (1.0 / 120.0));
        p = (1.0 / 6.0) + (r * p);
        p = 0.5 + (r * p);
        p = 1.0 + (r * p);
        p = r * p;
        var t = ExpTable[(int)(ki & (ExpTableSize - 1))];
        return (t + (t * p)) * Pow2((int)(ki >> ExpTableBits));
    }

    /// <summary>ln x for x &gt; 0. Returns NaN for negative input and -infinity for 0.</summary>
    public static double Log(double x)
    {
        if (!(x > 0.0) || double.IsPositiveInfinity(x))
        {
            return x == 0.0 ? double.NegativeInfinity : x > 0.0 ? x : double.NaN;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)(bits >> 52);
        if (exponent == 0)
        {
            // Subnormal: scale into the normal range first (2^54 is exact).
            bits = BitConverter.DoubleToInt64Bits(x * 18014398509481984.0);
            exponent = (int)(bits >> 52) - 54;
        }

        // x = 2^e m, m in [1, 2); c = 1 + j/128 is the nearest table point, so r = (m - c)/c is at most 1/256 and
        // ln m = ln c + ln(1 + r), the latter by a degree-7 series (truncation error below 2^-60). m - c is exact.
        var mantissa = bits & MantissaMask;
        var j = (int)((mantissa + (1L << (LogShift - 1))) >> LogShift);
        var m = BitConverter.Int64BitsToDouble(mantissa | ExponentOne);
        if (j == 1 << LogTableBits)
        {
            // m rounds up to 2: use m/2 just below 1 instead, so ln x for x just below 1 has no cancellation.
            m *= 0.5;
            exponent++;
            j = 0;
        }

        var c = 1.0 + (j * (1.0 / (1 << LogTableBits)));
        var r = (m - c) * InverseTable[j];
        var p = (1.0 / 6.0) - (r * (1.0 / 7.0));
        p = 0.2 - (r * p);
        p = 0.25 - (r * p);
        p = (1.0 / 3.0) - (r * p);
        p = 0.5 - (r * p);
        var log1p = r - (r * r * p);
        double e = exponent - 1023;
        return ((e * Ln2Hi) + LogTable[j]) + ((e * Ln2Lo) + log1p);
    }

    /// <summary>e^x by its plain Taylor series after reduction by ln 2: slow but table-free, used to build the tables.</summary>
    internal static double SeriesExp(double x)
    {
        var k = Math.Round(x * InvLn2);
        var r = (x - (k * Ln2Hi)) - (k * Ln2Lo);
        var term = 1.0;
        var sum = 1.0;
        for (var n = 1; n <= 20; n++)
        {
            term = term * r / n;
            sum += term;
        }

        return sum * Pow2((int)k);
    }

    /// <summary>ln x by the atanh series on [sqrt(1/2), sqrt(2)]: slow but table-free, used to build the tables.</summary>
    internal static double SeriesLog(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)(bits >> 52) - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & MantissaMask) | ExponentOne);
        if (m > Sqrt2)
        {
            m *= 0.5;
            exponent++;
        }

        // ln m = 2 (s + s^3/3 + s^5/5 + ...), s = (m - 1)/(m + 1), |s| <= 0.172.
        var s = (m - 1.0) / (m + 1.0);
        var s2 = s * s;
        var power = s;
        var sum = 0.0;
        for (var n = 1; n <= 41; n += 2)
        {
            sum += power / n;
            power *= s2;
        }

        double e = exponent;
        return (e * Ln2Hi) + ((e * Ln2Lo) + (2.0 * sum));
    }

    /// <summary>2^k for k in [-1022, 1023], built from its bits (exact).</summary>
    private static double Pow2(int k) => BitConverter.Int64BitsToDouble((long)(k + 1023) << 52);

    private static double[] BuildExpTable()
    {
        var table = new double[ExpTableSize];
        for (var j = 0; j < ExpTableSize; j++)
        {
            // j ln2 / 64 carried in two parts, so the argument itself is exact to ~2^-80.
            table[j] = SeriesExp((j * ExpLn2Hi) + (j * ExpLn2Lo));
        }

        return table;
    }

    private static double[] BuildLogTable(out double[] inverse)
    {
        const int size = (1 << LogTableBits) + 1;
        var table = new double[size];
        inverse = new double[size];
        for (var j = 0; j < size; j++)
        {
            var c = 1.0 + (j * (1.0 / (1 << LogTableBits)));
            table[j] = SeriesLog(c);
            inverse[j] = 1.0 / c;
        }

        return table;
    }
}
