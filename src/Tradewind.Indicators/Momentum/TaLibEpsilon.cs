using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// TA-Lib's zero tests (ta_utility.h: TA_IS_ZERO, TA_IS_ZERO_OR_NEG with TA_EPSILON = 1e-14). Where TA-Lib guards a
/// division with these, Tradewind must use the same band or the outputs differ on flat bars.
/// </summary>
internal static class TaLibEpsilon
{
    public const double Epsilon = 0.00000000000001;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(double value) => -Epsilon < value && value < Epsilon;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZeroOrNegative(double value) => value < Epsilon;
}
