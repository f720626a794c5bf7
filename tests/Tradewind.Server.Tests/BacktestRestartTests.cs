using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Storage;

namespace Tradewind.Server.Tests;

/// <summary>
/// Jobs survive the server: a queued job runs after a restart, a job running at a graceful stop goes back to the queue
/// and completes once, a job whose process died is recovered (or failed after too many attempts), and cancelling a
/// running job stops it.
/// </summary>
public sealed class BacktestRestartTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tradewind-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_WithQueuedJob_NewServerOnSameDataRunsIt()
    {
        string key;
        string id;
        await using (var first = await TestServer.StartAsync(Settings(workers: 0)))
        {
            (key, _) = await first.RegisterAsync();
            id = await BacktestFlow.ExecuteAsync(first.SendAsync, key);
        }

        await using var second = await TestServer.StartAsync(Settings(workers: 2));
        var status = await BacktestFlow.WaitAsync(second.SendAsync, key, id);

        Assert.Equal("completed", (string?)status["status"]);
        Assert.Equal(1, (int)status["attempts"]!);
        var (response, _) = await second.GetAsync($"backtest/results/{(string)status["result_id"]!}", key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GracefulStop_WithRunningJob_ReleasedThenCompletesOnceAfterRestart()
    {
        string key;
        string id;
        await using (var first = await GatedServer.StartAsync(_directory, Settings(workers: 1)))
        {
            key = await first.RegisterAsync();
            id = await BacktestFlow.ExecuteAsync(first.SendAsync, key);
            await first.Gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var running = await BacktestFlow.WaitAsync(first.SendAsync, key, id, "running");
            Assert.Equal(1, (int)running["attempts"]!);

            await first.App.StopAsync();
            await first.Gate.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var job = await first.App.Services.GetRequiredService<IJobStore>().GetAsync(id, CancellationToken.None);
            Assert.Equal("queued", job!.Status);
            Assert.Equal(0, job.Attempts); // a release does not count as an attempt
            Assert.Null(job.WorkerId);
            Assert.Contains("goes back to the queue", first.Logs.All, StringComparison.Ordinal);
        }

        await using var second = await TestServer.StartAsync(Settings(workers: 2));
        var status = await BacktestFlow.WaitAsync(second.SendAsync, key, id);

        Assert.Equal("completed", (string?)status["status"]);
        Assert.Equal(1, (int)status["attempts"]!);
        Assert.Single(second.Logs.Lines, l => l.Contains($"Backtest {id} completed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crash_JobLeftRunningByDeadProcess_RecoveredAtStartAndCompleted()
    {
        string key;
        string id;
        await using (var first = await TestServer.StartAsync(Settings(workers: 0)))
        {
            (key, _) = await first.RegisterAsync();
            id = await BacktestFlow.ExecuteAsync(first.SendAsync, key);

            // A process that claimed the job and died: the job stays "running" under a worker that will never come back.
            var jobs = first.App.Services.GetRequiredService<IJobStore>();
            var claimed = await jobs.TryClaimNextAsync("backtest", "dead-host-1-abc", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), CancellationToken.None);
            Assert.Equal(id, claimed!.Id);
            var (_, running) = await first.GetAsync($"backtest/status/{id}", key);
            Assert.Equal("running", (string?)running["data"]!["status"]);
        }

        await using var second = await TestServer.StartAsync(Settings(workers: 2));
        var status = await BacktestFlow.WaitAsync(second.SendAsync, key, id);

        Assert.Equal("completed", (string?)status["status"]);
        Assert.Equal(2, (int)status["attempts"]!);
        Assert.Contains("Recovered interrupted backtests: 1 queued again", second.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crash_JobInterruptedMaxAttemptsTimes_FailsWithReason()
    {
        string key;
        string id;
        await using (var first = await TestServer.StartAsync(Settings(workers: 0)))
        {
            (key, _) = await first.RegisterAsync();
            id = await BacktestFlow.ExecuteAsync(first.SendAsync, key);
            var jobs = first.App.Services.GetRequiredService<IJobStore>();
            await jobs.TryClaimNextAsync("backtest", "dead-host-1-abc", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), CancellationToken.None);
        }

        var settings = Settings(workers: 1);
        settings["Tradewind:Backtests:MaxAttempts"] = "1";
        await using var second = await TestServer.StartAsync(settings);
        var status = await BacktestFlow.WaitAsync(second.SendAsync, key, id);

        Assert.Equal("failed", (string?)status["status"]);
        Assert.Contains("interrupted 1 times", (string)status["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_RunningJob_RunStopsAndNoResultIsStored()
    {
        await using var server = await GatedServer.StartAsync(_directory, Settings(workers: 1));
        var key = await server.RegisterAsync();
        var id = await BacktestFlow.ExecuteAsync(server.SendAsync, key);
        await server.Gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await BacktestFlow.WaitAsync(server.SendAsync, key, id, "running");

        var (response, cancel) = await server.SendAsync(TestServer.Request(HttpMethod.Post, $"backtest/cancel/{id}", key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)cancel["data"]!["cancelled"]!);
        Assert.Equal("cancelled", (string?)cancel["data"]!["status"]);
        await server.Gate.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the heartbeat noticed and stopped the run
        var status = await BacktestFlow.WaitAsync(server.SendAsync, key, id);
        Assert.Equal("cancelled", (string?)status["status"]);
        Assert.Null(status["result_id"]);

        // The worker is free again: the next job runs to completion.
        server.Gate.Opened.TrySetResult();
        var next = await BacktestFlow.ExecuteAsync(server.SendAsync, key);
        Assert.Equal("completed", (string?)(await BacktestFlow.WaitAsync(server.SendAsync, key, next))["status"]);
        Assert.Equal("cancelled", (string?)(await BacktestFlow.WaitAsync(server.SendAsync, key, id))["status"]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private Dictionary<string, string?> Settings(int workers)
    {
        var settings = BacktestFlow.Settings(workers);
        settings["Tradewind:DataDirectory"] = _directory;
        return settings;
    }
}
