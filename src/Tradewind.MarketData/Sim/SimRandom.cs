namespace Tradewind.MarketData.Sim;

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64. Every stream of the sim is keyed by what it describes
/// (seed, salt, symbol, day), so any day can be generated on its own, in any order, on any machine. System.Random is
/// not used: its algorithm is not specified and has changed between .NET versions.
/// A mutable struct: pass it by <c>ref</c>.
/// </summary>
internal struct SimRandom
{
    private const double UnitScale = 1.0 / 9007199254740992.0; // 2^-53
    private const ulong Golden = 0x9E37_79B9_7F4A_7C15UL;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpare;

    public SimRandom(ulong key)
    {
        var state = key;
        _s0 = SplitMixNext(ref state);
        _s1 = SplitMixNext(ref state);
        _s2 = SplitMixNext(ref state);
        _s3 = SplitMixNext(ref state);
        _spareNormal = 0;
        _hasSpare = false;
    }

    /// <summary>The key of one stream: the seed, what the stream is for, whose it is, and which day.</summary>
    public static ulong Key(ulong seed, ulong salt, ulong owner, long day) =>
        Finalize(Finalize(Finalize(seed ^ Finalize(salt + Golden)) ^ owner) ^ (ulong)day);

    /// <summary>The SplitMix64 output function: a bijective 64-bit mixer.</summary>
    public static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * UnitScale;

    /// <summary>Uniform on (0, 1]: safe to take the logarithm of.</summary>
    public double NextOpenUnit() => ((NextUInt64() >> 11) + 1) * UnitScale;

    /// <summary>Standard normal by Marsaglia's polar method (no sine or cosine needed); values come in pairs.</summary>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        var f = Math.Sqrt(-2.0 * SimMath.Log(s) / s);
        _spareNormal = v * f;
        _hasSpare = true;
        return u * f;
    }

    /// <summary>
    /// Student-t with 5 degrees of freedom scaled to unit variance: z sqrt(3 / chi2_5), where
    /// chi2_5 = -2 ln(U1 U2) + z'^2 (a chi-square with 4 degrees of freedom is -2 ln of two uniforms' product).
    /// Excess kurtosis 6: the fat tails of the sim's returns.
    /// </summary>
    public double NextStudentT5()
    {
        var z = NextNormal();
        var z2 = NextNormal();
        var chi2 = (-2.0 * SimMath.Log(NextOpenUnit() * NextOpenUnit())) + (z2 * z2);
        return z * Math.Sqrt(3.0 / chi2);
    }

    /// <summary>
    /// Student-t with 4 degrees of freedom scaled to unit variance, by Bailey's polar method: for (u, v) uniform in
    /// the unit disc and w = u^2 + v^2, u sqrt(4 (w^(-1/2) - 1) / w) is t_4. With 4 degrees of freedom the power is a
    /// square root, so no logarithm is needed: this is the cheap innovation of the per-minute paths. Its tail index is
    /// 4 (like real minute returns, its fourth moment is unbounded).
    /// </summary>
    public double NextStudentT4()
    {
        double u, v, w;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            w = (u * u) + (v * v);
        }
        while (w >= 1.0 || w == 0.0);

        // t_4 has variance 2: 2 (w^-1/2 - 1) / w instead of 4 (...) scales it to 1.
        return u * Math.Sqrt(2.0 * ((1.0 / Math.Sqrt(w)) - 1.0) / w);
    }

    private static ulong SplitMixNext(ref ulong state)
    {
        state += Golden;
        return Finalize(state);
    }
}
