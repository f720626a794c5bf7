using Microsoft.Data.Sqlite;
using Tradewind.Core;
using Tradewind.MarketData.Import;
using Tradewind.MarketData.Storage;
using Tradewind.MarketData.Tests.Storage;

namespace Tradewind.MarketData.Tests.Import;

public sealed class CandleImporterTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Ticker Sol = Ticker.Parse("BINANCE:SOL/USDT");

    private readonly TempDirectory _temp = new();
    private readonly SqliteCandleStore _store;
    private readonly CandleImporter _importer;

    public CandleImporterTests()
    {
        _store = new SqliteCandleStore(_temp.File("candles.db"));
        _importer = new CandleImporter(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Import_GoodFile_StoresBarsCoverageAndReturnsSummary()
    {
        var path = CandleFileReaderTests.Fixture("data", "backtestingpy-SOLUSDT-1h.csv");

        var summary = await _importer.ImportAsync(path, Sol, Timeframe.H1);

        Assert.Equal(1000, summary.Bars);
        Assert.Equal(Timeframe.H1, summary.Timeframe);
        Assert.Equal(CandleFileFormat.Csv, summary.Format);
        Assert.Equal(TimeFormat.ParseUtc("2024-09-20 15:00", "t"), summary.FirstTime);
        Assert.Equal(TimeFormat.ParseUtc("2024-11-01 06:00", "t"), summary.LastTime);
        Assert.Empty(summary.Gaps);
        var stored = await _store.ReadAsync(Sol, Timeframe.H1, 0, long.MaxValue, None);
        TestCandles.AssertEqual((await CandleFileReader.ReadAsync(path)).Candles, stored);
        Assert.Equal([new TimeRange(summary.FirstTime, summary.LastTime + 3_600_000)], await _store.GetCoverageAsync(Sol, Timeframe.H1, None));
    }

    [Fact]
    public async Task Import_WithoutTimeframe_UsesTheFilesOwnAndReportsGaps()
    {
        var summary = await _importer.ImportAsync(CandleFileReaderTests.Fixture("data", "backtestingpy-GOOG-1d.csv"), Ticker.Parse("SIM:GOOG/USD"));

        Assert.Equal(Timeframe.D1, summary.Timeframe);
        Assert.Equal(2148, summary.Bars);
        Assert.NotEmpty(summary.Gaps);
        Assert.Equal(summary.Gaps, await _store.FindGapsAsync(Ticker.Parse("SIM:GOOG/USD"), Timeframe.D1, 0, long.MaxValue, None));
    }

    [Fact]
    public async Task Import_ErrorOnLastLine_WritesNothing()
    {
        var ex = await Assert.ThrowsAsync<TradewindException>(() =>
            _importer.ImportAsync(CandleFileReaderTests.Fixture("import", "bad-last-line.csv"), Sol, Timeframe.H1));

        Assert.Contains("line 25", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await _store.ListAsync(None));
        Assert.Equal(0L, await CountRowsAsync("chunks"));
    }

    [Fact]
    public async Task Import_TimeframeMismatch_ThrowsNamingBothAndWritesNothing()
    {
        var ex = await Assert.ThrowsAsync<TradewindException>(() =>
            _importer.ImportAsync(CandleFileReaderTests.Fixture("data", "backtestingpy-SOLUSDT-1h.csv"), Sol, Timeframe.D1));

        Assert.Equal(ErrorCode.ImportError, ex.Code);
        Assert.Contains("holds 1h bars, but 1d was asked for", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--timeframe 1h", ex.Suggestion, StringComparison.Ordinal);
        Assert.Empty(await _store.ListAsync(None));
    }

    [Fact]
    public async Task Import_SameFileTwice_StoreIsUnchanged()
    {
        var path = CandleFileReaderTests.Fixture("data", "freqtrade-ETH_BTC-5m.json");
        var eth = Ticker.Parse("BINANCE:ETH/BTC");
        await _importer.ImportAsync(path, eth);
        var first = await _store.ReadAsync(eth, Timeframe.M5, 0, long.MaxValue, None);

        await _importer.ImportAsync(path, eth);

        TestCandles.AssertEqual(first, await _store.ReadAsync(eth, Timeframe.M5, 0, long.MaxValue, None));
        var info = Assert.Single(await _store.ListAsync(None));
        Assert.Equal(5760, info.Count);
        Assert.Single(info.Coverage);
    }

    private async Task<long> CountRowsAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={_store.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
