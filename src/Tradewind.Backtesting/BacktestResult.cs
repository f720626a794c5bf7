using Tradewind.Core;

namespace Tradewind.Backtesting;

/// <summary>The outcome of a backtest, as typed data; formatting happens at the edges (CLI, HTTP).</summary>
public sealed record BacktestResult
{
    public required BacktestOptions Options { get; init; }

    public required Timeframe Timeframe { get; init; }

    /// <summary>Trades in exit order (ties: ticker order of the request).</summary>
    public required IReadOnlyList<BacktestTrade> Trades { get; init; }

    /// <summary>Positions left open (only with <see cref="EndOfDataPolicy.KeepOpen"/>).</summary>
    public required IReadOnlyList<OpenPosition> OpenPositions { get; init; }

    public required EquityCurve Equity { get; init; }

    /// <summary>One summary per ticker, in request order.</summary>
    public required IReadOnlyList<TickerSummary> Tickers { get; init; }

    public required BacktestMetrics Metrics { get; init; }

    /// <summary>Every rejected order, in time order per account.</summary>
    public required IReadOnlyList<RejectedOrder> RejectedOrders { get; init; }

    public required IReadOnlyList<LiquidationEvent> Liquidations { get; init; }

    /// <summary>Orders signalled at the close of the last bar with next-open fills: there is no next open to fill them.</summary>
    public required int UnfilledOrders { get; init; }
}
