using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Core;
using Tradewind.MarketData;
using Tradewind.Research;
using Tradewind.Research.Reports;
using Tradewind.Server.Hosting;
using Tradewind.Storage;

namespace Tradewind.Server.Backtests;

/// <summary>
/// Runs queued backtests: <see cref="BacktestSettings.Workers"/> loops each claim one job at a time from the job store,
/// run it on the thread pool while a heartbeat records progress, and store the report together with the job's
/// completion. A heartbeat that finds the job no longer this worker's (cancelled, or recovered by another process)
/// stops the run. On start and periodically, jobs whose process died are queued again (or failed after
/// <see cref="BacktestSettings.MaxAttempts"/> starts); on a graceful stop this worker's running jobs go back to the
/// queue, so nothing is lost and nothing completes twice.
/// </summary>
internal sealed class BacktestWorker(
    IJobStore jobs,
    IBacktestResultStore results,
    StrategyBacktester backtester,
    ProviderRegistry providers,
    BacktestQueueSignal signal,
    TradewindDatabase database,
    IOptions<ServerOptions> options,
    TimeProvider time,
    ILogger<BacktestWorker> logger) : BackgroundService
{
    public const string Kind = "backtest";

    /// <summary>This process's worker id: running jobs carry it, and a graceful stop releases exactly these.</summary>
    public string WorkerId { get; } = string.Create(
        CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{BacktestIds.NewJobId()[BacktestIds.JobPrefix.Length..][..8]}");

    private BacktestSettings Settings => options.Value.Backtests;

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Settings.Workers <= 0)
        {
            logger.LogInformation("Backtest worker off (Tradewind:Backtests:Workers = 0): backtests are queued for other processes.");
            return;
        }

        // An embedded SQLite database belongs to this process, so a job still "running" at start-up was interrupted
        // when the previous process stopped: recover it now. A shared PostgreSQL database may have jobs that other
        // live processes are running, so only those without a recent heartbeat are recovered.
        var startUpStaleBefore = database.Dialect == SqlDialect.Sqlite ? Now + 1 : Now - StaleAfterMs;
        await RecoverAsync(startUpStaleBefore, stoppingToken);

        var llm = options.Value.Llm;
        logger.LogInformation(
            "Backtest worker {WorkerId} running up to {Workers} backtests at once; analysis {Analysis}.",
            WorkerId,
            Settings.Workers,
            llm.IsConfigured ? $"by the language model {llm.Model}" : "rule-based (no Tradewind:Llm configured)");
        var loops = new List<Task>(Settings.Workers + 1) { RecoveryLoopAsync(stoppingToken) };
        for (var i = 0; i < Settings.Workers; i++)
        {
            loops.Add(Task.Run(() => WorkLoopAsync(stoppingToken), CancellationToken.None));
        }

        try
        {
            await Task.WhenAll(loops);
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private long StaleAfterMs => (long)(Settings.StaleAfterSeconds * 1000);

    private async Task WorkLoopAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, Settings.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            JobRecord? job = null;
            try
            {
                job = await jobs.TryClaimNextAsync(Kind, WorkerId, Now, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbException ex)
            {
                logger.LogWarning("Could not claim a backtest ({Type}: {Message}); retrying.", ex.GetType().Name, ex.Message);
            }

            if (job is null)
            {
                try
                {
                    await signal.WaitAsync(poll, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            // Another idle loop may take the next queued job while this one runs.
            signal.Notify();
            await RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(JobRecord job, CancellationToken stoppingToken)
    {
        logger.LogInformation("Backtest {JobId} started (attempt {Attempt}) for key {KeyId}.", job.Id, job.Attempts, job.OwnerKeyId);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var stopHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
        var progress = new JobProgress();
        var heartbeat = HeartbeatLoopAsync(job.Id, progress, run, stopHeartbeat.Token);
        try
        {
            var request = JsonSerializer.Deserialize<ExecuteRequest>(job.Payload, BacktestRequests.PayloadJson)
                ?? throw new TradewindException(ErrorCode.ValidationError, "The job's request is empty.", "Submit the backtest again.");
            var parsed = BacktestRequests.Parse(request, options.Value.DefaultExchange, providers);
            var backtest = await Task.Run(() => backtester.RunAsync(parsed.Spec, progress, run.Token), run.Token);
            var report = BacktestReports.Build(backtest) with
            {
                Equity = BacktestReports.Equity(backtest.Result.Equity, Math.Max(2, Settings.StoredEquityPoints)),
            };
            var json = JsonSerializer.Serialize(report, BacktestReports.Json);
            await stopHeartbeat.CancelAsync();
            await heartbeat;

            var record = new BacktestResultRecord
            {
                Id = BacktestIds.NewResultId(),
                JobId = job.Id,
                OwnerKeyId = job.OwnerKeyId,
                CreatedAt = Now,
                Report = json,
            };

            // Saved even when a stop began meanwhile: the work is done, and the row is written with the completion or not at all.
            if (await results.SaveAndCompleteJobAsync(record, WorkerId, Now, CancellationToken.None))
            {
                logger.LogInformation("Backtest {JobId} completed: result {ResultId}, {Trades} trades.", job.Id, record.Id, report.Summary.NumTrades);
            }
            else
            {
                logger.LogInformation("Backtest {JobId} finished but was cancelled meanwhile; its result was discarded.", job.Id);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Backtest {JobId} interrupted by shutdown; it goes back to the queue.", job.Id);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            logger.LogInformation("Backtest {JobId} stopped: it was cancelled.", job.Id);
        }
        catch (TradewindException ex)
        {
            var message = ex.Suggestion is null ? $"{ex.Code}: {ex.Message}" : $"{ex.Code}: {ex.Message} Suggestion: {ex.Suggestion}";
            logger.LogInformation("Backtest {JobId} failed: {Code}.", job.Id, ex.Code);
            await FailAsync(job.Id, message);
        }
#pragma warning disable CA1031 // A job boundary: anything unexpected fails this job (logged), never the worker.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError("Backtest {JobId} failed unexpectedly: {Type}: {Message}", job.Id, ex.GetType().Name, ex.Message);
            await FailAsync(job.Id, $"INTERNAL_ERROR: the backtest failed with an unexpected error. Retry later; if it persists, report backtest id {job.Id}.");
        }
        finally
        {
            await stopHeartbeat.CancelAsync();
            await heartbeat;
        }
    }

    private async Task HeartbeatLoopAsync(string jobId, JobProgress progress, CancellationTokenSource run, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.05, Settings.HeartbeatSeconds));
        while (true)
        {
            try
            {
                await Task.Delay(interval, time, stop);
                if (!await jobs.HeartbeatAsync(jobId, WorkerId, progress.Value, Now, stop))
                {
                    // Cancelled, or recovered by another process after a missed heartbeat: either way no longer ours.
                    await run.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (DbException ex)
            {
                logger.LogWarning("Heartbeat of backtest {JobId} failed ({Type}: {Message}); retrying.", jobId, ex.GetType().Name, ex.Message);
            }
        }
    }

    private async Task FailAsync(string jobId, string message)
    {
        try
        {
            await jobs.FailAsync(jobId, WorkerId, message, Now, CancellationToken.None);
        }
        catch (DbException ex)
        {
            // The job stays running without heartbeats; recovery queues it again.
            logger.LogWarning("Could not mark backtest {JobId} failed ({Type}: {Message}).", jobId, ex.GetType().Name, ex.Message);
        }
    }

    private async Task RecoveryLoopAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, Settings.StaleAfterSeconds / 2));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await RecoverAsync(Now - StaleAfterMs, stoppingToken);
        }
    }

    private async Task RecoverAsync(long staleBefore, CancellationToken stoppingToken)
    {
        try
        {
            var recovery = await jobs.RecoverStaleAsync(staleBefore, Math.Max(1, Settings.MaxAttempts), Now, stoppingToken);
            if (recovery.Requeued + recovery.Failed > 0)
            {
                logger.LogWarning("Recovered interrupted backtests: {Requeued} queued again, {Failed} failed after {MaxAttempts} attempts.", recovery.Requeued, recovery.Failed, Settings.MaxAttempts);
                signal.Notify();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (DbException ex)
        {
            logger.LogWarning("Recovering interrupted backtests failed ({Type}: {Message}); retrying later.", ex.GetType().Name, ex.Message);
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            var released = await jobs.ReleaseAsync(WorkerId, Now, CancellationToken.None);
            if (released > 0)
            {
                logger.LogInformation("Released {Count} running backtests back to the queue on shutdown.", released);
            }
        }
        catch (DbException ex)
        {
            logger.LogWarning("Could not release running backtests on shutdown ({Type}: {Message}); they are recovered after {Seconds} s.", ex.GetType().Name, ex.Message, Settings.StaleAfterSeconds);
        }
    }
}
