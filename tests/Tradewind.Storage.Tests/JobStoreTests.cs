namespace Tradewind.Storage.Tests;

public sealed class JobStoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Lifecycle_ClaimHeartbeatComplete(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var jobs = new SqlJobStore(db.Database);
        await jobs.EnqueueAsync(Job("j1", 10), CancellationToken.None);

        var claimed = await jobs.TryClaimNextAsync("backtest", "w1", 20, CancellationToken.None);
        Assert.Equal("j1", claimed?.Id);
        Assert.Equal(JobStatus.Running, claimed!.Status);
        Assert.Equal(1, claimed.Attempts);
        Assert.Null(await jobs.TryClaimNextAsync("backtest", "w2", 21, CancellationToken.None));

        Assert.True(await jobs.HeartbeatAsync("j1", "w1", 0.5, 30, CancellationToken.None));
        Assert.False(await jobs.HeartbeatAsync("j1", "w2", 0.6, 30, CancellationToken.None));
        Assert.True(await jobs.CompleteAsync("j1", "w1", "r1", 40, CancellationToken.None));

        var done = await jobs.GetAsync("j1", CancellationToken.None);
        Assert.Equal(JobStatus.Completed, done!.Status);
        Assert.Equal("r1", done.ResultId);
        Assert.Equal(1.0, done.Progress);
        Assert.Equal(40, done.FinishedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Cancel_RunningJob_LateWorkerCannotComplete(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var jobs = new SqlJobStore(db.Database);
        await jobs.EnqueueAsync(Job("j1", 10), CancellationToken.None);
        await jobs.TryClaimNextAsync("backtest", "w1", 20, CancellationToken.None);

        Assert.True(await jobs.CancelAsync("j1", "Cancelled by the caller.", 25, CancellationToken.None));
        Assert.False(await jobs.CompleteAsync("j1", "w1", "r1", 30, CancellationToken.None));
        Assert.False(await jobs.CancelAsync("j1", "again", 31, CancellationToken.None));
        Assert.Equal(JobStatus.Cancelled, (await jobs.GetAsync("j1", CancellationToken.None))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task TryClaimNext_ManyWorkers_EachJobClaimedOnce(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var jobs = new SqlJobStore(db.Database);
        for (var i = 0; i < 20; i++)
        {
            await jobs.EnqueueAsync(Job($"j{i:D2}", i), CancellationToken.None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (await jobs.TryClaimNextAsync("backtest", $"w{w}", 100, CancellationToken.None) is { } job)
            {
                mine.Add(job.Id);
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(20, all.Count);
        Assert.Equal(20, all.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task RecoverStale_RequeuesThenFailsAfterMaxAttempts(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var jobs = new SqlJobStore(db.Database);
        await jobs.EnqueueAsync(Job("j1", 10), CancellationToken.None);

        await jobs.TryClaimNextAsync("backtest", "w1", 20, CancellationToken.None);
        Assert.Equal(new JobRecovery(1, 0), await jobs.RecoverStaleAsync(1000, 2, 1000, CancellationToken.None));
        Assert.Equal(JobStatus.Queued, (await jobs.GetAsync("j1", CancellationToken.None))!.Status);

        await jobs.TryClaimNextAsync("backtest", "w2", 1100, CancellationToken.None);
        Assert.Equal(new JobRecovery(0, 0), await jobs.RecoverStaleAsync(1050, 2, 1200, CancellationToken.None));
        Assert.Equal(new JobRecovery(0, 1), await jobs.RecoverStaleAsync(2000, 2, 2000, CancellationToken.None));

        var failed = await jobs.GetAsync("j1", CancellationToken.None);
        Assert.Equal(JobStatus.Failed, failed!.Status);
        Assert.Contains("interrupted 2 times", failed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Release_OnShutdown_RequeuesWithoutCountingTheAttempt(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var jobs = new SqlJobStore(db.Database);
        await jobs.EnqueueAsync(Job("j1", 10), CancellationToken.None);
        await jobs.TryClaimNextAsync("backtest", "w1", 20, CancellationToken.None);

        Assert.Equal(1, await jobs.ReleaseAsync("w1", 30, CancellationToken.None));
        var job = await jobs.GetAsync("j1", CancellationToken.None);
        Assert.Equal(JobStatus.Queued, job!.Status);
        Assert.Equal(0, job.Attempts);
    }

    private static JobRecord Job(string id, long createdAt) =>
        new() { Id = id, Kind = "backtest", OwnerKeyId = "k1", Payload = """{"script":"a = 1"}""", CreatedAt = createdAt, UpdatedAt = createdAt };
}
