using Tradewind.Core;
using Tradewind.Signals.Intents;

namespace Tradewind.Signals.Runtime;

/// <summary>
/// What a script may read of the account at the close of a bar (<c>equity</c>, <c>cash</c> and the position-state
/// names). The backtest engine and the live runtime implement it.
/// </summary>
public interface IPortfolioView
{
    double Equity { get; }

    double Cash { get; }

    PositionState Position(Ticker ticker);
}
