namespace Tradewind.Server.Backtests;

/// <summary>The <c>Tradewind:Backtests</c> settings: how the backtest worker runs jobs.</summary>
public sealed class BacktestSettings
{
    /// <summary>Backtests this process runs at once; 0 runs none (the API still queues them for other processes).</summary>
    public int Workers { get; set; } = 2;

    /// <summary>How often a running job records its progress and checks it was not cancelled.</summary>
    public double HeartbeatSeconds { get; set; } = 2;

    /// <summary>How often an idle worker looks for queued jobs (a job queued by this process wakes it at once).</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>A running job without a heartbeat for this long is taken to have lost its process and is queued again.</summary>
    public double StaleAfterSeconds { get; set; } = 60;

    /// <summary>How many times a job may be started before an interruption fails it instead of queuing it again.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The equity curve is stored with at most this many points (first, last and deepest drawdown kept).</summary>
    public int StoredEquityPoints { get; set; } = 10_000;
}
