using Tradewind.Core;
using Tradewind.Signals.Intents;
using Tradewind.Signals.Runtime;

namespace Tradewind.Signals.Tests.Infrastructure;

/// <summary>A portfolio the test sets by hand, standing in for the backtest engine's account.</summary>
public sealed class FakePortfolio : IPortfolioView
{
    public double Equity { get; set; } = 10_000;

    public double Cash { get; set; } = 10_000;

    public Dictionary<Ticker, PositionState> Positions { get; } = [];

    public PositionState Position(Ticker ticker) => Positions.TryGetValue(ticker, out var p) ? p : PositionState.Flat;
}
