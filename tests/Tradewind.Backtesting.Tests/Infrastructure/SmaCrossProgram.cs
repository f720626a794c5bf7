using Tradewind.Core;
using Tradewind.Signals.Intents;
using Tradewind.Signals.Runtime;

namespace Tradewind.Backtesting.Tests.Infrastructure;

/// <summary>
/// Stands in for a compiled SMA-cross script: long on a fast-over-slow cross, short (or flat) on the cross back,
/// with optional stop, target and trailing stop. The averages are causal (bar i uses closes 0..i only), like the
/// DSL's, so the program itself cannot look ahead.
/// </summary>
internal sealed class SmaCrossProgram : ISignalProgram
{
    private readonly long[] _time;
    private readonly double[] _fast;
    private readonly double[] _slow;
    private readonly SignalIntent _long;
    private readonly SignalIntent _exit;

    public SmaCrossProgram(CandleSeries candles, int fast, int slow, bool shorts = false, double? stop = null, double? take = null, double? trail = null, double weight = 1, Ticker? ticker = null)
    {
        _time = candles.Time;
        _fast = Sma(candles.Close, fast);
        _slow = Sma(candles.Close, slow);
        FirstTradableBar = slow;
        _long = SignalIntent.Entry(ticker, PositionSide.Long, OrderSize.Weight(weight), stop, take, trail);
        _exit = shorts ? SignalIntent.Entry(ticker, PositionSide.Short, OrderSize.Weight(weight), stop, take, trail) : SignalIntent.Exit(ticker);
    }

    public int BarCount => _time.Length;

    public ReadOnlySpan<long> Time => _time;

    public int FirstTradableBar { get; }

    public bool ReadsPortfolio => false;

    public void EvaluateBar(int bar, IPortfolioView portfolio, List<EmittedSignal> sink)
    {
        if (bar < 1)
        {
            return;
        }

        bool above = _fast[bar] > _slow[bar], wasAbove = _fast[bar - 1] > _slow[bar - 1];
        if (above && !wasAbove && !double.IsNaN(_slow[bar - 1]))
        {
            sink.Add(new EmittedSignal(bar, _time[bar], _long));
        }
        else if (!above && wasAbove)
        {
            sink.Add(new EmittedSignal(bar, _time[bar], _exit));
        }
    }

    private static double[] Sma(double[] close, int period)
    {
        var result = new double[close.Length];
        var sum = 0.0;
        for (var i = 0; i < close.Length; i++)
        {
            sum += close[i];
            if (i >= period)
            {
                sum -= close[i - period];
            }

            result[i] = i >= period - 1 ? sum / period : double.NaN;
        }

        return result;
    }
}
