using Microsoft.Extensions.Time.Testing;
using Tradewind.MarketData.Venues;

namespace Tradewind.MarketData.Tests.Venues;

public sealed class ExpiringCacheTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    [Fact]
    public async Task GetAsync_OneCallerCancels_TheSharedLoadStillServesTheOthers()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        var cache = new ExpiringCache<int>(new FakeTimeProvider(), Lifetime, () =>
        {
            loads++;
            return release.Task;
        });
        using var cts = new CancellationTokenSource();

        var cancelled = cache.GetAsync(cts.Token);
        var patient = cache.GetAsync(CancellationToken.None);
        await cts.CancelAsync();
        release.SetResult(42);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(42, await patient);
        Assert.Equal(42, await cache.GetAsync(CancellationToken.None));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task GetAsync_LoadFailed_NextCallLoadsAgain()
    {
        var loads = 0;
        var cache = new ExpiringCache<int>(new FakeTimeProvider(), Lifetime, () =>
            ++loads == 1 ? Task.FromException<int>(new InvalidOperationException("down")) : Task.FromResult(7));

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(CancellationToken.None));

        Assert.Equal(7, await cache.GetAsync(CancellationToken.None));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task GetAsync_AfterTheLifetime_LoadsAgain()
    {
        var clock = new FakeTimeProvider();
        var loads = 0;
        var cache = new ExpiringCache<int>(clock, Lifetime, () => Task.FromResult(++loads));

        Assert.Equal(1, await cache.GetAsync(CancellationToken.None));
        clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await cache.GetAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await cache.GetAsync(CancellationToken.None));
    }
}
