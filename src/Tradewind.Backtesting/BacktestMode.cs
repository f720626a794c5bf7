namespace Tradewind.Backtesting;

/// <summary>How the cash is shared across the tickers of a backtest.</summary>
public enum BacktestMode
{
    /// <summary>Each ticker runs its own program on its own account with an equal share of the cash; results are summed.</summary>
    Isolated,

    /// <summary>One account shared by every ticker, bars aligned by time (pair trading, rotation).</summary>
    Cross,
}
