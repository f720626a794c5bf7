using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Momentum;

/// <summary>Argument checks shared by the multi-input batch kernels: every column must have the same number of bars.</summary>
internal static class SeriesLength
{
    public static int Common(ReadOnlySpan<double> first, ReadOnlySpan<double> second, Span<double> output)
    {
        var n = first.Length;
        if (second.Length != n)
        {
            Mismatch(n, second.Length, "second input");
        }

        if (output.Length < n)
        {
            Mismatch(n, output.Length, "output");
        }

        return n;
    }

    public static int Common(ReadOnlySpan<double> first, ReadOnlySpan<double> second, ReadOnlySpan<double> third, Span<double> output)
    {
        if (third.Length != first.Length)
        {
            Mismatch(first.Length, third.Length, "third input");
        }

        return Common(first, second, output);
    }

    public static int Common(
        ReadOnlySpan<double> first,
        ReadOnlySpan<double> second,
        ReadOnlySpan<double> third,
        ReadOnlySpan<double> fourth,
        Span<double> output)
    {
        if (fourth.Length != first.Length)
        {
            Mismatch(first.Length, fourth.Length, "fourth input");
        }

        return Common(first, second, third, output);
    }

    /// <summary>Two inputs, two outputs (AROON's down and up).</summary>
    public static int Common(ReadOnlySpan<double> first, ReadOnlySpan<double> second, Span<double> output, Span<double> secondOutput)
    {
        var n = Common(first, second, output);
        if (secondOutput.Length < n)
        {
            Mismatch(n, secondOutput.Length, "second output");
        }

        return n;
    }

    // Kept out of line so the kernels that call the checks stay small enough to inline their per-bar helpers.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Mismatch(int expected, int actual, string what) =>
        throw new ArgumentException($"The {what} has {actual} bars but the first input has {expected}; every column must cover the same bars.");
}
