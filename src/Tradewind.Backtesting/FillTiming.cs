namespace Tradewind.Backtesting;

/// <summary>When a signal emitted at the close of bar i is filled.</summary>
public enum FillTiming
{
    /// <summary>At the open of bar i+1 (default; the honest choice: the signal is only known at the close).</summary>
    NextOpen,

    /// <summary>At the close of bar i (backtesting.py's <c>trade_on_close=True</c>).</summary>
    Close,
}
