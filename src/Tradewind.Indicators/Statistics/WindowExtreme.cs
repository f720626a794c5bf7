using Tradewind.Indicators.Momentum;

namespace Tradewind.Indicators.Statistics;

/// <summary>
/// MAX and MIN, MAXINDEX and MININDEX: the extreme of the last `period` bars, or its absolute bar index, with TA-Lib's
/// earliest-wins rescan. <typeparamref name="TSide"/> picks highest or lowest, so each indicator is its own JIT
/// specialisation of one kernel. First value at index period-1.
/// </summary>
internal static class WindowExtreme<TSide>
    where TSide : struct, IExtremeSide
{
    public static int Lookback(int period) => period - 1;

    /// <summary>output[i] = the extreme value of the window ending at i.</summary>
    public static void ComputeValues(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        if (WarmUp.Fill(output, input.Length, Lookback(period)))
        {
            RollingExtreme.Compute<TSide>(input, period, RescanTies.Earliest, output);
        }
    }

    /// <summary>output[i] = the absolute bar index (from 0 at input[0]) of the extreme of the window ending at i.</summary>
    public static void ComputeIndices(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        var lookback = Lookback(period);
        if (!WarmUp.Fill(output, input.Length, lookback))
        {
            return;
        }

        var extreme = new RollingExtreme<TSide>(RescanTies.Earliest);
        for (var today = lookback; today < input.Length; today++)
        {
            extreme.Next(input.Slice(today - lookback, period), today);
            output[today] = extreme.Index;
        }
    }

    /// <summary>Streaming form of both kernels; indices count the bars this stream has seen.</summary>
    internal struct Stream
    {
        private readonly SlidingWindow _window;
        private RollingExtreme<TSide> _extreme = new(RescanTies.Earliest);

        public Stream(int period)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
            _window = new SlidingWindow(period);
        }

        public readonly int WarmUpPeriod => _window.Capacity;

        public readonly bool IsReady => _window.IsFull;

        /// <summary>Consumes one value; true once the window is full and <see cref="Value"/> and <see cref="Index"/> hold its extreme.</summary>
        public bool Update(double value)
        {
            _window.Add(value);
            if (!_window.IsFull)
            {
                return false;
            }

            _extreme.Next(_window);
            return true;
        }

        public readonly double Value => _extreme.Value;

        public readonly long Index => _extreme.Index;

        public void Reset()
        {
            _window.Clear();
            _extreme.Reset();
        }
    }
}
