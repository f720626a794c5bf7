using Tradewind.Research;

namespace Tradewind.Server.Backtests;

/// <summary>A checked backtest request: the spec to run and the request with every default filled in (the job's payload).</summary>
internal sealed record ParsedBacktest(BacktestSpec Spec, ExecuteRequest Normalized);
