using Microsoft.Extensions.Time.Testing;

namespace Tradewind.Server.Tests;

/// <summary>
/// The real server on loopback with SQLite and the sim venue, its clock fixed at 2024-07-01 so "the latest bars" are
/// the same on every run. One server and one research key serve the whole class; no test changes server state.
/// </summary>
public sealed class ResearchApiServer : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2024, 7, 1, 0, 0, 0, TimeSpan.Zero);

    public TestServer Server { get; private set; } = null!;

    public string Key { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync(time: new FakeTimeProvider(Now));
        Key = (await Server.RegisterAsync("Screener")).Key;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
