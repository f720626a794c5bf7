namespace Tradewind.Storage.Tests;

public sealed class UsageCounterStoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Increment_Concurrently_CountsEveryCall(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var counters = new SqlUsageCounterStore(db.Database);

        var values = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            Task.Run(() => counters.IncrementAsync("rpm:k1", 60_000, 1, CancellationToken.None))));

        Assert.Equal(40, await counters.GetAsync("rpm:k1", 60_000, CancellationToken.None));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), values.Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task SumSinceAndPurge_WorkPerWindow(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var counters = new SqlUsageCounterStore(db.Database);
        await counters.IncrementAsync("bt:k1", 0, 3, CancellationToken.None);
        await counters.IncrementAsync("bt:k1", 3_600_000, 2, CancellationToken.None);
        await counters.IncrementAsync("bt:k2", 3_600_000, 7, CancellationToken.None);

        Assert.Equal(5, await counters.SumSinceAsync("bt:k1", 0, CancellationToken.None));
        Assert.Equal(2, await counters.SumSinceAsync("bt:k1", 1, CancellationToken.None));
        Assert.Equal(1, await counters.PurgeBeforeAsync(3_600_000, CancellationToken.None));
        Assert.Equal(0, await counters.GetAsync("bt:k1", 0, CancellationToken.None));
    }
}
