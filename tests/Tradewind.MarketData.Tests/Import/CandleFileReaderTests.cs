using System.Globalization;
using Tradewind.Core;
using Tradewind.MarketData.Import;
using Tradewind.MarketData.Storage;
using Tradewind.MarketData.Tests.Storage;

namespace Tradewind.MarketData.Tests.Import;

public sealed class CandleFileReaderTests : IDisposable
{
    private const long Hour = 3_600_000;
    private const long Day = 86_400_000;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    internal static string Fixture(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, name);

    [Fact]
    public async Task Read_SkenderBitcoinDaily_Infers1dWithNoGaps()
    {
        var file = await CandleFileReader.ReadAsync(Fixture("data", "skender-bitcoin-1d.csv"));

        Assert.Equal(CandleFileFormat.Csv, file.Format);
        Assert.Equal(Timeframe.D1, file.Timeframe);
        Assert.Equal(1246, file.Candles.Count);
        Assert.Equal(TimeFormat.ParseUtc("2017-08-16", "t"), file.Candles.Time[0]);
        Assert.Equal(new Candle(file.Candles.Time[0], 4261.48, 4485.39, 4200.74, 4285.08, 795.150377), file.Candles[0]);
        Assert.Equal(TimeFormat.ParseUtc("2021-01-12", "t"), file.Candles.LastTime);
        Assert.Empty(file.Gaps);
    }

    [Fact]
    public async Task Read_GoogWithEmptyFirstHeaderCell_Infers1dAndReportsWeekendsAsGaps()
    {
        var file = await CandleFileReader.ReadAsync(Fixture("data", "backtestingpy-GOOG-1d.csv"));

        Assert.Equal(Timeframe.D1, file.Timeframe);
        Assert.Equal(2148, file.Candles.Count);
        Assert.Equal(new Candle(TimeFormat.ParseUtc("2004-08-19", "t"), 100, 104.06, 95.96, 100.34, 22351900), file.Candles[0]);

        // 2004-08-20 was a Friday: Saturday and Sunday are the first gap.
        Assert.Equal(new TimeRange(TimeFormat.ParseUtc("2004-08-21", "t"), TimeFormat.ParseUtc("2004-08-23", "t")), file.Gaps[0]);
        var span = Timeframe.D1.CountBars(file.Candles.Time[0], file.Candles.Time[^1] + Day);
        Assert.Equal(span - 2148, file.MissingBars);
    }

    [Fact]
    public async Task Read_SolusdtHourly_Infers1h()
    {
        var file = await CandleFileReader.ReadAsync(Fixture("data", "backtestingpy-SOLUSDT-1h.csv"));

        Assert.Equal(Timeframe.H1, file.Timeframe);
        Assert.Equal(1000, file.Candles.Count);
        Assert.Equal(TimeFormat.ParseUtc("2024-09-20 15:00:00", "t"), file.Candles.Time[0]);
        Assert.Equal(197950.322, file.Candles.Volume[0]);
        Assert.Empty(file.Gaps);
    }

    [Theory]
    [InlineData("freqtrade-ETH_BTC-5m.json", "5m", 5760)]
    [InlineData("freqtrade-UNITTEST_BTC-30m.json", "30m", 1920)]
    [InlineData("freqtrade-XRP_USDT_USDT-1h-futures.json", "1h", 100)]
    public async Task Read_FreqtradeJson_InfersTimeframe(string name, string timeframe, int bars)
    {
        var file = await CandleFileReader.ReadAsync(Fixture("data", name));

        Assert.Equal(CandleFileFormat.FreqtradeJson, file.Format);
        Assert.Equal(Timeframe.Parse(timeframe), file.Timeframe);
        Assert.Equal(bars, file.Candles.Count);
    }

    [Theory]
    [InlineData("binance-ETHBTC-5m-2018-01-10.csv")]
    [InlineData("binance-ETHBTC-5m-2018-01-10-micros.csv")]
    [InlineData("binance-um-ETHBTC-5m-header.csv")]
    public async Task Read_BinanceKlineDumps_EqualTheFreqtradeCandlesTheyWereMadeFrom(string name)
    {
        var freqtrade = await CandleFileReader.ReadAsync(Fixture("data", "freqtrade-ETH_BTC-5m.json"));

        var file = await CandleFileReader.ReadAsync(Fixture("import", name));

        Assert.Equal(CandleFileFormat.BinanceKlines, file.Format);
        Assert.Equal(Timeframe.M5, file.Timeframe);
        TestCandles.AssertEqual(freqtrade.Candles.Slice(0, 12), file.Candles);
    }

    [Fact]
    public async Task Read_BinanceDumpAsExplicitFormat_IsReadTheSame()
    {
        var file = await CandleFileReader.ReadAsync(Fixture("import", "binance-ETHBTC-5m-2018-01-10.csv"), CandleFileFormat.BinanceKlines);

        Assert.Equal(12, file.Candles.Count);
    }

    [Theory]
    [InlineData("sol-1h-semicolon-decimal-comma.csv", false)]
    [InlineData("sol-1h-tab.tsv", false)]
    [InlineData("sol-1h-headerless-epoch-seconds.csv", false)]
    [InlineData("sol-1h-newest-first-cdd.csv", true)]
    public async Task Read_CsvVariants_EqualTheOriginalBars(string name, bool newestFirst)
    {
        var original = await CandleFileReader.ReadAsync(Fixture("data", "backtestingpy-SOLUSDT-1h.csv"));

        var file = await CandleFileReader.ReadAsync(Fixture("import", name));

        Assert.Equal(Timeframe.H1, file.Timeframe);
        Assert.Equal(newestFirst, file.NewestFirst);
        TestCandles.AssertEqual(original.Candles.Slice(0, 24), file.Candles);
    }

    [Theory]
    [InlineData("empty.csv", null, "the file is empty")]
    [InlineData("bad-header-only.csv", null, "header (line 1) but no data rows")]
    [InlineData("bad-missing-volume.csv", "line 1", "the header has no volume column")]
    [InlineData("bad-unsorted.csv", "line 7", "is before 2024-09-20T20:00:00Z on line 6")]
    [InlineData("bad-duplicate.csv", "line 6", "repeats line 5")]
    [InlineData("bad-non-numeric.csv", "line 5", "close 'n/a' is not a number")]
    [InlineData("bad-negative-price.csv", "line 4", "low -145.67 is not a positive price")]
    [InlineData("bad-high-below-low.csv", "line 9", "high 146.81 is below low 147.71")]
    [InlineData("bad-mixed-interval.csv", "line 7", "is 30m after the previous bar (line 6), not a whole number of the file's 1h bars")]
    [InlineData("bad-unaligned.csv", "line 2", "is not on a 1h boundary")]
    [InlineData("bad-two-hour-spacing.csv", "line 3", "bars are 2h apart")]
    [InlineData("bad-last-line.csv", "line 25", "high 0.5 is below low")]
    [InlineData("bad-binance-mixed-units.csv", "line 7", "looks like Unix microseconds, but the rows before it use Unix milliseconds")]
    [InlineData("bad-freqtrade-shape.json", "line 2", "candle 2 has 5 values")]
    public async Task Read_BadFile_ThrowsImportErrorNamingFileLineAndProblem(string name, string? location, string problem)
    {
        var path = Fixture("import", name);

        var ex = await Assert.ThrowsAsync<TradewindException>(() => CandleFileReader.ReadAsync(path));

        Assert.Equal(ErrorCode.ImportError, ex.Code);
        Assert.StartsWith(path + (location is null ? ": " : $", {location}: "), ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(ex.Suggestion));
    }

    [Fact]
    public async Task Read_MissingFile_ThrowsImportError()
    {
        var ex = await Assert.ThrowsAsync<TradewindException>(() => CandleFileReader.ReadAsync(_temp.File("nope.csv")));

        Assert.Equal(ErrorCode.ImportError, ex.Code);
        Assert.Contains("no such file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_BinanceDumpForcedAsCsv_SuggestsBinanceFormat()
    {
        var ex = await Assert.ThrowsAsync<TradewindException>(() =>
            CandleFileReader.ReadAsync(Fixture("import", "binance-ETHBTC-5m-2018-01-10.csv"), CandleFileFormat.Csv));

        Assert.Contains("12 columns", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--format binance", ex.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_JsonObject_ThrowsImportErrorDescribingTheExpectedShape()
    {
        var path = Write("object.json", """{"candles": []}""");

        var ex = await Assert.ThrowsAsync<TradewindException>(() => CandleFileReader.ReadAsync(path));

        Assert.Contains("JSON object", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[[time_ms, open, high, low, close, volume], ...]", ex.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_InvalidJson_NamesTheLine()
    {
        var path = Write("broken.json", "[[1515560100000, 1, 2, 0.5, 1.5, 10],\n [1515560400000, 1, 2, 0.5, 1.5, 10\n");

        var ex = await Assert.ThrowsAsync<TradewindException>(() => CandleFileReader.ReadAsync(path));

        Assert.Equal(ErrorCode.ImportError, ex.Code);
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1704067200", "Unix seconds")]
    [InlineData("1704067200000", "Unix milliseconds")]
    [InlineData("1704067200000000", "Unix microseconds")]
    [InlineData("1704067200000000000", "Unix nanoseconds")]
    [InlineData("2024-01-01", "date")]
    [InlineData("2024-01-01T00:00:00Z", "ISO with Z")]
    [InlineData("2024-01-01 02:00:00+02:00", "offset")]
    [InlineData("2024-01-01T00:00:00.000", "milliseconds")]
    [InlineData("1704067200.0", "fractional seconds")]
    public async Task Read_TimestampForms_AllMeanTheSameInstant(string firstTime, string because)
    {
        // Second row one day later in the same form, so the timeframe is 1d.
        var second = firstTime switch
        {
            "1704067200" => "1704153600",
            "1704067200000" => "1704153600000",
            "1704067200000000" => "1704153600000000",
            "1704067200000000000" => "1704153600000000000",
            "1704067200.0" => "1704153600.0",
            _ => firstTime.Replace("2024-01-01", "2024-01-02", StringComparison.Ordinal),
        };
        var path = Write("times.csv", $"time,open,high,low,close,volume\n{firstTime},1,2,0.5,1.5,10\n{second},1.5,2,1,1.8,12\n");

        var file = await CandleFileReader.ReadAsync(path);

        Assert.True(TestCandles.Start == file.Candles.Time[0], because);
        Assert.Equal(Timeframe.D1, file.Timeframe);
    }

    [Fact]
    public async Task Read_HeaderNamesInOtherCasesAndExtraColumns_AreMapped()
    {
        var path = Write(
            "names.csv",
            "Symbol,Open_Time,O,H,L,Adj Close,VOL,Trades\nBTC,2024-01-01,1,2,0.5,1.5,10,7\nBTC,2024-01-02,1.5,2,1,1.8,12,9\n");

        var file = await CandleFileReader.ReadAsync(path);

        Assert.Equal(new Candle(TestCandles.Start, 1, 2, 0.5, 1.5, 10), file.Candles[0]);
    }

    [Fact]
    public async Task Read_QuotedFieldsAndCrLf_AreRead()
    {
        var path = Write("quoted.csv", "\"time\",\"open\",\"high\",\"low\",\"close\",\"volume\"\r\n\"2024-01-01\",\"1\",\"2\",\"0.5\",\"1.5\",\"10\"\r\n\"2024-01-02\",\"1.5\",\"2\",\"1\",\"1.8\",\"12\"\r\n");

        var file = await CandleFileReader.ReadAsync(path);

        Assert.Equal(2, file.Candles.Count);
        Assert.Equal(1.8, file.Candles.Close[1]);
    }

    [Fact]
    public async Task Read_MonthlyBars_Infers1M()
    {
        var path = Write("monthly.csv", "date,open,high,low,close,volume\n2024-01-01,1,2,0.5,1.5,10\n2024-02-01,1.5,2,1,1.8,12\n2024-03-01,1.8,2,1,1.9,12\n2024-05-01,1.9,2,1,1.7,12\n");

        var file = await CandleFileReader.ReadAsync(path);

        Assert.Equal(Timeframe.Month1, file.Timeframe);
        Assert.Equal([new TimeRange(TimeFormat.ParseUtc("2024-04-01", "t"), TimeFormat.ParseUtc("2024-05-01", "t"))], file.Gaps);
        Assert.Equal(1, file.MissingBars);
    }

    [Fact]
    public async Task Read_WeeklyBarsOnSundays_ThrowsNamingTheMondayRule()
    {
        var path = Write("weekly.csv", "date,open,high,low,close,volume\n2024-01-07,1,2,0.5,1.5,10\n2024-01-14,1.5,2,1,1.8,12\n");

        var ex = await Assert.ThrowsAsync<TradewindException>(() => CandleFileReader.ReadAsync(path));

        Assert.Contains("line 2: time 2024-01-07T00:00:00Z is not on a 1w boundary (1w bars open on Monday 00:00 UTC)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_SparseHourlyFile_InfersFromShortestSpacingAndReportsGaps()
    {
        // Mostly two hours apart, once one hour: an hourly series with every other bar missing.
        var lines = new List<string> { "time,open,high,low,close,volume" };
        foreach (var h in new[] { 0, 1, 3, 5, 7, 9 })
        {
            lines.Add($"{TimeFormat.ToIso(TestCandles.Start + (h * Hour))},1,2,0.5,1.5,10");
        }

        var file = await CandleFileReader.ReadAsync(Write("sparse.csv", string.Join('\n', lines)));

        Assert.Equal(Timeframe.H1, file.Timeframe);
        Assert.Equal(4, file.Gaps.Count);
        Assert.Equal(4, file.MissingBars);
    }

    [Fact]
    public async Task Read_SingleBar_NeedsAnExplicitTimeframe()
    {
        var path = Write("one.csv", "time,open,high,low,close,volume\n2024-01-01T05:00:00Z,1,2,0.5,1.5,10\n");

        var ex = await Assert.ThrowsAsync<TradewindException>(() => CandleFileReader.ReadAsync(path));
        var file = await CandleFileReader.ReadAsync(path, timeframe: Timeframe.H1);

        Assert.Contains("single bar", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Timeframe.H1, file.Timeframe);
    }

    [Fact]
    public async Task Read_HeaderlessFileWithFiveColumns_ExplainsTheColumnsCannotBeTold()
    {
        var path = Write("five.csv", "1704067200000,1,2,0.5,1.5\n1704153600000,1,2,0.5,1.5\n");

        var ex = await Assert.ThrowsAsync<TradewindException>(() => CandleFileReader.ReadAsync(path));

        Assert.Contains("line 1: the file has no header and 5 columns", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_RowWithTooFewColumns_NamesTheLineAndColumn()
    {
        var path = Write("short.csv", "time,open,high,low,close,volume\n2024-01-01,1,2,0.5,1.5,10\n2024-01-02,1,2\n");

        var ex = await Assert.ThrowsAsync<TradewindException>(() => CandleFileReader.ReadAsync(path));

        Assert.Contains("line 3: the row has 3 columns, but 'volume' is column 6", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-01-02,1,2,0.5,1.5,10\n31.01.2024,1,2,0.5,1.5,10", "line 3: time '31.01.2024' is neither a date (e.g. 2024-01-31 or 2024-01-31T13:00:00Z) nor a Unix timestamp")]
    [InlineData("2024-01-02,1,2,0.5,1.5,10\n2024-01-03,1,10,0.5,11,10", "line 3: high 10 is below the close 11")]
    [InlineData("2024-01-02,1,2,0.5,1.5,10\n2024-01-03,1,2,1.2,1.5,10", "line 3: low 1.2 is above the open 1")]
    [InlineData("2024-01-02,1,2,0.5,1.5,10\n2024-01-03,1,2,0.5,1.5,-3", "line 3: volume -3 is not a number >= 0")]
    [InlineData("2024-01-02,1,2,0.5,1.5,10\n2024-01-03,1,2,0.5,1.5,", "line 3: volume is empty")]
    [InlineData("2024-01-02,1,2,0.5,1.5,10\n1704240000000,1,2,0.5,1.5,10", "line 3: time '1704240000000' is a number, but the rows before it use dates")]
    public async Task Read_BadRow_MessageNamesLineAndProblem(string rows, string expected)
    {
        var path = Write("row.csv", "time,open,high,low,close,volume\n" + rows + "\n");

        var ex = await Assert.ThrowsAsync<TradewindException>(() => CandleFileReader.ReadAsync(path));

        Assert.Equal($"{path}, {expected}.", ex.Message);
    }

    [Fact]
    public async Task Read_RandomCorruptions_EitherReadOrFailWithImportError()
    {
        // Seeded fuzzing: damage a valid file one character or line at a time. The reader must never crash with
        // anything but a clear IMPORT_ERROR, and whatever it accepts must satisfy the store's bar rules.
        var original = await File.ReadAllTextAsync(Fixture("data", "backtestingpy-SOLUSDT-1h.csv"));
        var lines = original.Split('\n')[..40];
        var random = new Random(20240920);
        const string Noise = "0123456789.,;-:eE \"T\tx";
        using var store = new SqliteCandleStore(_temp.File("fuzz.db"));
        for (var round = 0; round < 150; round++)
        {
            var damaged = (string[])lines.Clone();
            var line = random.Next(damaged.Length);
            var chars = damaged[line].ToCharArray();
            switch (random.Next(3))
            {
                case 0 when chars.Length > 0:
                    chars[random.Next(chars.Length)] = Noise[random.Next(Noise.Length)];
                    damaged[line] = new string(chars);
                    break;
                case 1:
                    damaged[line] = "";
                    break;
                default:
                    (damaged[line], damaged[(line + 1) % damaged.Length]) = (damaged[(line + 1) % damaged.Length], damaged[line]);
                    break;
            }

            var path = Write($"fuzz-{round}.csv", string.Join('\n', damaged));
            try
            {
                var file = await CandleFileReader.ReadAsync(path);
                await store.UpsertAsync(TestCandles.Btc, file.Timeframe, file.Candles, null, CancellationToken.None);
            }
            catch (TradewindException ex)
            {
                Assert.True(ex.Code == ErrorCode.ImportError, $"round {round}: {ex.Code} {ex.Message}");
                Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
            }
        }
    }

    private string Write(string name, string content)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, content);
        return path;
    }
}
