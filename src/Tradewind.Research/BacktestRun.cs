using Tradewind.Backtesting;

namespace Tradewind.Research;

/// <summary>A finished strategy backtest: what was asked, the engine's result, and the warm-up bars loaded before the start.</summary>
public sealed record BacktestRun(BacktestSpec Spec, BacktestResult Result, int WarmUpBars);
