using Microsoft.Extensions.Time.Testing;
using Tradewind.MarketData;
using Tradewind.MarketData.Storage;

namespace Tradewind.Research.Tests;

/// <summary>
/// The real research stack on the sim venue: a SQLite candle store in a temp directory, the default providers and
/// fetch-on-demand, with the clock fixed at 2024-07-01 so "the latest bars" are deterministic.
/// </summary>
public sealed class SimResearchFixture : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tradewind-research-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new();
    private readonly SqliteCandleStore _store;

    public SimResearchFixture()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var directory = DataDirectory.Resolve(_directory).EnsureExists();
        _store = new SqliteCandleStore(directory);
        var providers = DefaultProviders.Create(_http, new MarketDataSettings(), Time);
        Data = new StoreResearchData(new CandleService(_store, providers, Time), providers, Time);
    }

    public FakeTimeProvider Time { get; }

    public StoreResearchData Data { get; }

    public void Dispose()
    {
        _store.Dispose();
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
