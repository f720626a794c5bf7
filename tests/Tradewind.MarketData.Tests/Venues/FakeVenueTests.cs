namespace Tradewind.MarketData.Tests.Venues;

/// <summary>
/// A test class that plays its venue on loopback: xUnit makes one instance per test, so every test gets a fresh fake
/// venue (its own recorded requests and one-shot answers), started before the test and stopped after it.
/// </summary>
/// <typeparam name="TVenue">The fake venue, e.g. <c>FakeHyperliquid</c>.</typeparam>
public abstract class FakeVenueTests<TVenue> : IAsyncLifetime
    where TVenue : class, IAsyncDisposable
{
    protected TVenue Venue { get; private set; } = null!;

    public async Task InitializeAsync() => Venue = await StartVenueAsync();

    public async Task DisposeAsync() => await Venue.DisposeAsync();

    protected abstract Task<TVenue> StartVenueAsync();
}
