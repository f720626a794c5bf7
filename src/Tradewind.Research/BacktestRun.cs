using Tradewind.Backtesting;

namespace Tradewind.Research;

/// <summary>
/// A finished strategy backtest: what was asked, and the engine's result. <see cref="WarmUpBars"/> is the history the
/// script needs before its first value; that many bars were requested before the start, and a ticker whose data
/// begins later simply starts trading once its indicators have values.
/// </summary>
public sealed record BacktestRun(BacktestSpec Spec, BacktestResult Result, int WarmUpBars);
