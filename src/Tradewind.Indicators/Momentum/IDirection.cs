using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Which side of Wilder's directional movement an indicator reports (+DM/+DI or -DM/-DI). A struct type parameter,
/// so each side's kernel is its own JIT specialisation and the choice costs nothing per bar.
/// </summary>
internal interface IDirection
{
    /// <summary>The running value of this side, given both.</summary>
    static abstract double Select(double plus, double minus);
}

/// <summary>The upward side: +DM, +DI.</summary>
internal readonly struct PlusDirection : IDirection
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Select(double plus, double minus) => plus;
}

/// <summary>The downward side: -DM, -DI.</summary>
internal readonly struct MinusDirection : IDirection
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Select(double plus, double minus) => minus;
}
