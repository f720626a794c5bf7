using Tradewind.Signals.Intents;

namespace Tradewind.Signals.Runtime;

/// <summary>
/// A compiled script prepared over its data (the vector part already computed). The engine calls
/// <see cref="EvaluateBar"/> once per bar, in order, after that bar closes; statements that read position state run
/// there, everything else was computed up front.
/// </summary>
public interface ISignalProgram
{
    /// <summary>Number of bars on the program's timeline.</summary>
    int BarCount { get; }

    /// <summary>Open times of the timeline's bars (Unix ms).</summary>
    ReadOnlySpan<long> Time { get; }

    /// <summary>The first bar on which every indicator the script uses has a value (backtesting.py's convention).</summary>
    int FirstTradableBar { get; }

    /// <summary>True when some statement reads position state or the account, so bars must be evaluated in order with it.</summary>
    bool ReadsPortfolio { get; }

    /// <summary>Appends the intents emitted at the close of <paramref name="bar"/> to <paramref name="sink"/>.</summary>
    void EvaluateBar(int bar, IPortfolioView portfolio, List<EmittedSignal> sink);
}
