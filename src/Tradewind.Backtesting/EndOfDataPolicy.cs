namespace Tradewind.Backtesting;

/// <summary>What happens to positions still open after the last bar.</summary>
public enum EndOfDataPolicy
{
    /// <summary>Close them at the last bar's close, with slippage and fee, as trades with exit reason EndOfData (default).</summary>
    CloseAtLastClose,

    /// <summary>
    /// Leave them open: they are listed in <see cref="BacktestResult.OpenPositions"/>, marked to the last close in the
    /// equity curve, and not counted as trades (backtesting.py's default, <c>finalize_trades=False</c>).
    /// </summary>
    KeepOpen,
}
