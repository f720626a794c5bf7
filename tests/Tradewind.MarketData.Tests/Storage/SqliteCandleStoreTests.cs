using Microsoft.Data.Sqlite;
using Tradewind.Core;
using Tradewind.MarketData.Storage;

namespace Tradewind.MarketData.Tests.Storage;

public sealed class SqliteCandleStoreTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly long Minute = Timeframe.M1.NominalMilliseconds;

    private readonly TempDirectory _temp = new();
    private readonly SqliteCandleStore _store;

    public SqliteCandleStoreTests()
    {
        _store = new SqliteCandleStore(new DataDirectory(_temp.Path));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Upsert_ThenReadWholeRange_ReturnsIdenticalBarsAcrossChunks()
    {
        // 10,000 one-minute bars span three 4096-bar chunks.
        var bars = TestCandles.Generate(Timeframe.M1, TestCandles.Start, 10_000);
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.M1, bars, null, None);

        var read = await _store.ReadAsync(TestCandles.Btc, Timeframe.M1, long.MinValue, long.MaxValue, None);

        TestCandles.AssertEqual(bars, read);
    }

    [Fact]
    public async Task Read_RangeInsideChunks_ReturnsOnlyBarsWhoseOpenTimeIsInRange()
    {
        var bars = TestCandles.Generate(Timeframe.M1, TestCandles.Start, 10_000);
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.M1, bars, null, None);
        var from = TestCandles.Start + (1234 * Minute) + 1; // not aligned: the first bar is the next one
        var to = TestCandles.Start + (8765 * Minute);

        var read = await _store.ReadAsync(TestCandles.Btc, Timeframe.M1, from, to, None);

        TestCandles.AssertEqual(bars.Between(from, to), read);
        Assert.Equal(TestCandles.Start + (1235 * Minute), read.FirstTime);
        Assert.Equal(to - Minute, read.LastTime);
    }

    [Fact]
    public async Task Read_UnknownSeriesOrEmptyRange_ReturnsEmpty()
    {
        var bars = TestCandles.Generate(Timeframe.H1, TestCandles.Start, 10);
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.H1, bars, null, None);

        Assert.Equal(0, (await _store.ReadAsync(TestCandles.Eth, Timeframe.H1, 0, long.MaxValue, None)).Count);
        Assert.Equal(0, (await _store.ReadAsync(TestCandles.Btc, Timeframe.M1, 0, long.MaxValue, None)).Count);
        Assert.Equal(0, (await _store.ReadAsync(TestCandles.Btc, Timeframe.H1, TestCandles.Start, TestCandles.Start, None)).Count);
        Assert.Equal(0, (await _store.ReadAsync(TestCandles.Btc, Timeframe.H1, 0, TestCandles.Start, None)).Count);
    }

    [Fact]
    public async Task Upsert_SameBarsTwice_StoredContentIsIdentical()
    {
        var bars = TestCandles.Generate(Timeframe.M5, TestCandles.Start, 5000);
        var covered = new TimeRange(TestCandles.Start, TestCandles.Start + (5000 * 5 * Minute));
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.M5, bars, covered, None);
        var first = await DumpAsync();

        await _store.UpsertAsync(TestCandles.Btc, Timeframe.M5, bars, covered, None);

        Assert.Equal(first, await DumpAsync());
    }

    [Fact]
    public async Task Upsert_OverlappingBars_NewValuesReplaceOldAndTheRestIsKept()
    {
        var old = TestCandles.Generate(Timeframe.M1, TestCandles.Start, 6000, seed: 1);
        var newer = TestCandles.Generate(Timeframe.M1, TestCandles.Start + (4000 * Minute), 4000, seed: 2);
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.M1, old, null, None);

        await _store.UpsertAsync(TestCandles.Btc, Timeframe.M1, newer, null, None);

        var read = await _store.ReadAsync(TestCandles.Btc, Timeframe.M1, 0, long.MaxValue, None);
        var expected = new CandleSeriesBuilder();
        expected.AddRange(old.Slice(0, 4000));
        expected.AddRange(newer);
        TestCandles.AssertEqual(expected.Build(), read);
    }

    [Fact]
    public async Task Upsert_BarsInterleavedWithStoredOnes_MergesInTimeOrder()
    {
        var all = TestCandles.Generate(Timeframe.H1, TestCandles.Start, 100);
        var even = new CandleSeriesBuilder();
        var odd = new CandleSeriesBuilder();
        for (var i = 0; i < all.Count; i++)
        {
            (i % 2 == 0 ? even : odd).Add(all[i]);
        }

        await _store.UpsertAsync(TestCandles.Btc, Timeframe.H1, odd.Build(), null, None);
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.H1, even.Build(), null, None);

        TestCandles.AssertEqual(all, await _store.ReadAsync(TestCandles.Btc, Timeframe.H1, 0, long.MaxValue, None));
    }

    [Theory]
    [InlineData("unaligned", "is not aligned to 1h")]
    [InlineData("duplicate", "appears twice")]
    [InlineData("unsorted", "oldest first")]
    [InlineData("nan", "open NaN is not a finite positive price")]
    [InlineData("zero", "close 0 is not a finite positive price")]
    [InlineData("negative", "low -1 is not a finite positive price")]
    [InlineData("high", "high 50 is below max(open")]
    [InlineData("low", "is above min(open")]
    [InlineData("volume", "volume -3 is not a finite number >= 0")]
    public async Task Upsert_InvalidBar_ThrowsNamingTheBarAndWritesNothing(string problem, string expectedMessage)
    {
        var good = TestCandles.Generate(Timeframe.H1, TestCandles.Start, 10);
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.H1, good, new(good.Time[0], good.Time[^1] + 3_600_000), None);
        var before = await DumpAsync();

        var bad = TestCandles.Generate(Timeframe.H1, TestCandles.Start + (10 * 3_600_000), 10, seed: 3);
        const int At = 7;
        var time = (long[])bad.Time.Clone();
        var (o, h, l, c, v) = ((double[])bad.Open.Clone(), (double[])bad.High.Clone(), (double[])bad.Low.Clone(), (double[])bad.Close.Clone(), (double[])bad.Volume.Clone());
        switch (problem)
        {
            case "unaligned": time[At] += 60_000; break;
            case "duplicate": time[At] = time[At - 1]; break;
            case "unsorted": time[At] = time[At - 2]; break;
            case "nan": o[At] = double.NaN; break;
            case "zero": c[At] = 0; break;
            case "negative": l[At] = -1; break;
            case "high": h[At] = 50; o[At] = 60; c[At] = 55; l[At] = 40; break;
            case "low": l[At] = Math.Min(o[At], c[At]) + 0.01; h[At] = Math.Max(h[At], l[At]); break;
            case "volume": v[At] = -3; break;
        }

        var ex = await Assert.ThrowsAsync<TradewindException>(() =>
            _store.UpsertAsync(TestCandles.Btc, Timeframe.H1, new CandleSeries(time, o, h, l, c, v), new(time[0], time[^1]), None));

        Assert.Equal(ErrorCode.ValidationError, ex.Code);
        Assert.Contains(TimeFormat.ToIso(time[At]), ex.Message, StringComparison.Ordinal);
        Assert.Contains(expectedMessage, ex.Message, StringComparison.Ordinal);
        Assert.Contains("BINANCE:BTC/USDT", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Suggestion);
        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task Upsert_DatabaseFailsOnALaterChunk_EarlierChunksAndCoverageAreRolledBack()
    {
        var first = TestCandles.Generate(Timeframe.M1, TestCandles.Start, 100);
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.M1, first, new(TestCandles.Start, TestCandles.Start + (100 * Minute)), None);
        var before = await DumpAsync();

        // A real failure inside the transaction: SQLite refuses the third chunk of the batch.
        var span = SqliteCandleStore.ChunkSpan(Timeframe.M1);
        var failingChunk = SqliteCandleStore.ChunkStart(TestCandles.Start, span) + (2 * span);
        await ExecuteAsync($"CREATE TRIGGER refuse BEFORE INSERT ON chunks WHEN NEW.chunk_start = {failingChunk} BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
        var batch = TestCandles.Generate(Timeframe.M1, TestCandles.Start + (50 * Minute), 12_000, seed: 9);

        await Assert.ThrowsAsync<SqliteException>(() =>
            _store.UpsertAsync(TestCandles.Btc, Timeframe.M1, batch, new(batch.Time[0], batch.Time[^1] + Minute), None));

        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task Upsert_Cancelled_WritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var bars = TestCandles.Generate(Timeframe.M1, TestCandles.Start, 100);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _store.UpsertAsync(TestCandles.Btc, Timeframe.M1, bars, null, cancelled.Token));

        Assert.Empty(await _store.ListAsync(None));
    }

    [Fact]
    public async Task Coverage_OverlappingAndTouchingRanges_AreMerged()
    {
        var h = 3_600_000L;
        var s = TestCandles.Start;
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.H1, CandleSeries.Empty, new(s, s + (10 * h)), None);
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.H1, CandleSeries.Empty, new(s + (20 * h), s + (30 * h)), None);
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.H1, CandleSeries.Empty, new(s + (40 * h), s + (50 * h)), None);
        Assert.Equal(3, (await _store.GetCoverageAsync(TestCandles.Btc, Timeframe.H1, None)).Count);

        // Touches the first range's end and overlaps the second: the three become one.
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.H1, CandleSeries.Empty, new(s + (10 * h), s + (25 * h)), None);
        // Inside an existing range: no change.
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.H1, CandleSeries.Empty, new(s + (41 * h), s + (42 * h)), None);

        var coverage = await _store.GetCoverageAsync(TestCandles.Btc, Timeframe.H1, None);
        Assert.Equal([new TimeRange(s, s + (30 * h)), new TimeRange(s + (40 * h), s + (50 * h))], coverage);
    }

    [Fact]
    public async Task Coverage_RangeWithNoBars_IsRecordedSoItIsNotFetchedAgain()
    {
        var range = new TimeRange(TestCandles.Start, TestCandles.Start + (24 * 3_600_000));

        await _store.UpsertAsync(TestCandles.Eth, Timeframe.H1, CandleSeries.Empty, range, None);

        Assert.Equal([range], await _store.GetCoverageAsync(TestCandles.Eth, Timeframe.H1, None));
        var info = Assert.Single(await _store.ListAsync(None));
        Assert.Equal(0, info.Count);
        Assert.Null(info.FirstTime);
    }

    [Fact]
    public async Task FindGaps_OutageInsideStoredSpan_IsReportedAcrossChunkBoundaries()
    {
        var bars = TestCandles.Generate(Timeframe.M1, TestCandles.Start, 12_000);
        var outageFrom = TestCandles.Start + (4000 * Minute); // straddles the first chunk boundary (bar 4096)
        var outageTo = TestCandles.Start + (4200 * Minute);
        var shortFrom = TestCandles.Start + (9000 * Minute);
        var stored = TestCandles.Without(TestCandles.Without(bars, outageFrom, outageTo), shortFrom, shortFrom + Minute);
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.M1, stored, null, None);

        var gaps = await _store.FindGapsAsync(TestCandles.Btc, Timeframe.M1, long.MinValue, long.MaxValue, None);
        var clipped = await _store.FindGapsAsync(TestCandles.Btc, Timeframe.M1, TestCandles.Start + (5000 * Minute), long.MaxValue, None);

        Assert.Equal([new TimeRange(outageFrom, outageTo), new TimeRange(shortFrom, shortFrom + Minute)], gaps);
        Assert.Equal([new TimeRange(shortFrom, shortFrom + Minute)], clipped);
    }

    [Fact]
    public async Task FindGaps_ContiguousSeriesOrUnknownSeries_ReturnsNone()
    {
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.D1, TestCandles.Generate(Timeframe.D1, TestCandles.Start, 400), null, None);

        Assert.Empty(await _store.FindGapsAsync(TestCandles.Btc, Timeframe.D1, 0, long.MaxValue, None));
        Assert.Empty(await _store.FindGapsAsync(TestCandles.Eth, Timeframe.D1, 0, long.MaxValue, None));
    }

    [Fact]
    public async Task List_SeveralSeries_ReportsCountsFirstLastAndCoverage()
    {
        var btc = TestCandles.Generate(Timeframe.M1, TestCandles.Start, 5000);
        var eth = TestCandles.Generate(Timeframe.H4, TestCandles.Start, 30);
        var ethCovered = new TimeRange(TestCandles.Start, TestCandles.Start + (30 * 4 * 3_600_000));
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.M1, btc, null, None);
        await _store.UpsertAsync(TestCandles.Eth, Timeframe.H4, eth, ethCovered, None);

        var list = await _store.ListAsync(None);

        Assert.Equal(2, list.Count);
        Assert.Equal(TestCandles.Btc, list[0].Ticker);
        Assert.Equal(Timeframe.M1, list[0].Timeframe);
        Assert.Equal(5000, list[0].Count);
        Assert.Equal(btc.FirstTime, list[0].FirstTime);
        Assert.Equal(btc.LastTime, list[0].LastTime);
        Assert.Empty(list[0].Coverage);
        Assert.Equal(TestCandles.Eth, list[1].Ticker);
        Assert.Equal(Timeframe.H4, list[1].Timeframe);
        Assert.Equal(30, list[1].Count);
        Assert.Equal(eth.LastTime, list[1].LastTime);
        Assert.Equal([ethCovered], list[1].Coverage);
    }

    [Fact]
    public async Task Store_MonthlyAndWeeklyBars_RoundTrip()
    {
        var monthly = TestCandles.Generate(Timeframe.Month1, TestCandles.Start, 300);
        var weekly = TestCandles.Generate(Timeframe.W1, TestCandles.Start, 300);
        var perp = Ticker.Parse("BINANCEFUTURESUSD:BTC/USDT:USDT");
        await _store.UpsertAsync(perp, Timeframe.Month1, monthly, null, None);
        await _store.UpsertAsync(perp, Timeframe.W1, weekly, null, None);

        TestCandles.AssertEqual(monthly, await _store.ReadAsync(perp, Timeframe.Month1, 0, long.MaxValue, None));
        TestCandles.AssertEqual(weekly, await _store.ReadAsync(perp, Timeframe.W1, 0, long.MaxValue, None));
        Assert.Equal(0, (await _store.ReadAsync(perp, Timeframe.M1, 0, long.MaxValue, None)).Count);
    }

    [Fact]
    public async Task Open_NewFile_IsCreatedInWalModeWithCurrentSchemaVersion()
    {
        await _store.ListAsync(None);

        Assert.True(File.Exists(Path.Combine(_temp.Path, "candles.db")));
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
        Assert.Equal(1L, await ScalarAsync("SELECT MAX(version) FROM schema_version"));
    }

    [Fact]
    public async Task Reopen_AfterDispose_DataIsStillThere()
    {
        var bars = TestCandles.Generate(Timeframe.M15, TestCandles.Start, 500);
        await _store.UpsertAsync(TestCandles.Btc, Timeframe.M15, bars, null, None);
        _store.Dispose();

        using var reopened = new SqliteCandleStore(Path.Combine(_temp.Path, "candles.db"));

        TestCandles.AssertEqual(bars, await reopened.ReadAsync(TestCandles.Btc, Timeframe.M15, 0, long.MaxValue, None));
    }

    [Fact]
    public async Task Open_DatabaseFromNewerVersion_IsRefusedWithDataUnavailable()
    {
        await _store.ListAsync(None);
        await ExecuteAsync("INSERT INTO schema_version (version) VALUES (99)");

        using var newer = new SqliteCandleStore(Path.Combine(_temp.Path, "candles.db"));
        var ex = await Assert.ThrowsAsync<TradewindException>(() => newer.ListAsync(None));

        Assert.Equal(ErrorCode.DataUnavailable, ex.Code);
        Assert.Contains("schema version 99", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentWritersAndReaders_TwoStoresOnOneFile_AllWritesLandAndReadsSeeWholeBatches()
    {
        using var second = new SqliteCandleStore(Path.Combine(_temp.Path, "candles.db"));
        var batches = new CandleSeries[8];
        for (var i = 0; i < batches.Length; i++)
        {
            batches[i] = TestCandles.Generate(Timeframe.M1, TestCandles.Start + (i * 1000 * Minute), 1000, seed: i);
        }

        var writers = new List<Task>();
        for (var i = 0; i < batches.Length; i++)
        {
            var store = i % 2 == 0 ? _store : second;
            var batch = batches[i];
            writers.Add(Task.Run(() => store.UpsertAsync(TestCandles.Btc, Timeframe.M1, batch, new(batch.Time[0], batch.Time[^1] + Minute), None)));
            writers.Add(Task.Run(() => store.UpsertAsync(TestCandles.Eth, Timeframe.M1, batch, null, None)));
        }

        var readers = new List<Task<int>>();
        for (var i = 0; i < 8; i++)
        {
            readers.Add(Task.Run(async () => (await second.ReadAsync(TestCandles.Btc, Timeframe.M1, 0, long.MaxValue, None)).Count));
        }

        await Task.WhenAll(writers);
        foreach (var count in await Task.WhenAll(readers))
        {
            Assert.Equal(0, count % 1000); // a reader sees whole batches or none, never half of one
        }

        var all = new CandleSeriesBuilder();
        foreach (var b in batches)
        {
            all.AddRange(b);
        }

        var expected = all.Build();
        TestCandles.AssertEqual(expected, await _store.ReadAsync(TestCandles.Btc, Timeframe.M1, 0, long.MaxValue, None));
        TestCandles.AssertEqual(expected, await second.ReadAsync(TestCandles.Eth, Timeframe.M1, 0, long.MaxValue, None));
        Assert.Equal([new TimeRange(expected.Time[0], expected.Time[^1] + Minute)], await _store.GetCoverageAsync(TestCandles.Btc, Timeframe.M1, None));
    }

    /// <summary>Every row of every table, as text: equal dumps mean equal stored content.</summary>
    private async Task<string> DumpAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_store.DatabasePath}");
        await connection.OpenAsync();
        var text = new System.Text.StringBuilder();
        foreach (var sql in new[]
        {
            "SELECT id, ticker, timeframe FROM series ORDER BY id",
            "SELECT series_id, chunk_start, bar_count, first_time, last_time, hex(data) FROM chunks ORDER BY series_id, chunk_start",
            "SELECT series_id, from_ms, to_ms FROM coverage ORDER BY series_id, from_ms",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.GetValue(i)).Append('|');
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_store.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_store.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
