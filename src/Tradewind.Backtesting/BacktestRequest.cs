using Tradewind.Core;

namespace Tradewind.Backtesting;

/// <summary>Everything a backtest needs: the tickers with their data and programs, the bar timeframe, and the options.</summary>
public sealed record BacktestRequest(IReadOnlyList<BacktestLeg> Legs, Timeframe Timeframe, BacktestOptions Options);
