namespace Tradewind.Backtesting;

/// <summary>
/// The account per bar, in columns: the bar's open time, and at its close the equity, the free cash, the gross
/// position value as a percent of equity (exposure), and the percent below the running equity peak (drawdown,
/// positive). In isolated mode the columns are the sums over tickers on the union of their bar times.
/// </summary>
public sealed class EquityCurve
{
    public EquityCurve(long[] time, double[] equity, double[] cash, double[] exposurePct, double[] drawdownPct)
    {
        var n = time.Length;
        if (equity.Length != n || cash.Length != n || exposurePct.Length != n || drawdownPct.Length != n)
        {
            throw new ArgumentException("EquityCurve columns must have equal lengths.");
        }

        Time = time;
        Equity = equity;
        Cash = cash;
        ExposurePct = exposurePct;
        DrawdownPct = drawdownPct;
    }

    public int Count => Time.Length;

    public long[] Time { get; }

    public double[] Equity { get; }

    public double[] Cash { get; }

    public double[] ExposurePct { get; }

    public double[] DrawdownPct { get; }
}
