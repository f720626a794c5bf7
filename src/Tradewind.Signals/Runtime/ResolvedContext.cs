using Tradewind.Core;

namespace Tradewind.Signals.Runtime;

/// <summary>The data of one context for one run: its ticker, timeframe, bars and (if the script reads it) funding.</summary>
internal sealed class ResolvedContext(Ticker ticker, Timeframe timeframe, CandleSeries candles, IReadOnlyList<FundingRate>? funding)
{
    private long[]? _closeTimes;

    public Ticker Ticker { get; } = ticker;

    public Timeframe Timeframe { get; } = timeframe;

    public CandleSeries Candles { get; } = candles;

    public IReadOnlyList<FundingRate>? Funding { get; } = funding;

    public int Count => Candles.Count;

    /// <summary>When each bar closes: the open time of the next bar of the timeframe (calendar-aware for 1M).</summary>
    public long[] CloseTimes
    {
        get
        {
            if (_closeTimes is null)
            {
                var time = Candles.Time;
                var close = new long[time.Length];
                for (var i = 0; i < time.Length; i++)
                {
                    close[i] = Timeframe.Next(time[i]);
                }

                _closeTimes = close;
            }

            return _closeTimes;
        }
    }
}
