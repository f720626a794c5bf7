namespace Tradewind.Server.Backtests;

/// <summary>
/// The latest progress of a running backtest, written by the engine's thread and read by the heartbeat. Lock-free
/// and allocation-free because the engine may report on every bar; it only moves forward, since parallel loads may
/// report out of order.
/// </summary>
internal sealed class JobProgress : IProgress<double>
{
    private double _value;

    public double Value => Volatile.Read(ref _value);

    public void Report(double value)
    {
        var current = Volatile.Read(ref _value);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref _value, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
