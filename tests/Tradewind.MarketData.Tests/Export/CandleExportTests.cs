using Parquet;
using Parquet.Schema;
using Tradewind.Core;
using Tradewind.MarketData.Export;
using Tradewind.MarketData.Import;
using Tradewind.MarketData.Tests.Storage;

namespace Tradewind.MarketData.Tests.Export;

public sealed class CandleExportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Prices with awkward binary expansions and random bit patterns, so only a round-trip format survives.</summary>
    private static CandleSeries AwkwardSeries(Timeframe timeframe, int count, int seed)
    {
        var random = new Random(seed);
        var builder = new CandleSeriesBuilder(count);
        var t = TestCandles.Start;
        for (var i = 0; i < count; i++)
        {
            var open = i switch
            {
                0 => 0.1 + 0.2,
                1 => 1e-9,
                2 => 123456789.123456789,
                3 => double.Epsilon * 1e10,
                _ => Math.Exp((random.NextDouble() * 20) - 10),
            };
            var close = open * (0.9 + (random.NextDouble() * 0.2));
            var high = Math.Max(open, close) * (1 + random.NextDouble());
            var low = Math.Min(open, close) * random.NextDouble();
            builder.Add(t, open, high, Math.Max(low, double.Epsilon), close, i % 7 == 0 ? 0 : random.NextDouble() * 1e6);
            t = timeframe.Next(t);
            if (i % 50 == 49)
            {
                t = timeframe.Next(t); // a gap now and then
            }
        }

        return builder.Build();
    }

    [Theory]
    [InlineData("1m", 1)]
    [InlineData("1h", 2)]
    [InlineData("1d", 3)]
    [InlineData("1w", 4)]
    [InlineData("1M", 5)]
    public async Task CsvExport_ThenImport_GivesIdenticalSeries(string timeframe, int seed)
    {
        var tf = Timeframe.Parse(timeframe);
        var series = AwkwardSeries(tf, 500, seed);
        var path = _temp.File("out.csv");

        await CandleExporter.ExportAsync(series, path);
        var file = await CandleFileReader.ReadAsync(path);

        Assert.Equal(tf, file.Timeframe);
        TestCandles.AssertEqual(series, file.Candles);
    }

    [Fact]
    public async Task CsvExport_Text_IsIsoTimeAndInvariantShortestDoubles()
    {
        var series = new CandleSeries([TestCandles.Start, TestCandles.Start + 60_000], [0.1 + 0.2, 2], [1, 3], [0.25, 1.5], [0.5, 2.5], [1e21, 0]);
        var path = _temp.File("exact.csv");

        await CandleExporter.ExportAsync(series, path);

        Assert.Equal(
            "time,open,high,low,close,volume\n"
            + "2024-01-01T00:00:00Z,0.30000000000000004,1,0.25,0.5,1E+21\n"
            + "2024-01-01T00:01:00Z,2,3,1.5,2.5,0\n",
            await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task ParquetExport_ReadBack_EqualsTheSeries()
    {
        var series = AwkwardSeries(Timeframe.M5, 3000, 7);
        var path = _temp.File("out.parquet");

        await CandleExporter.ExportAsync(series, path);
        var file = await CandleFileReader.ReadAsync(path);

        Assert.Equal(CandleFileFormat.Parquet, file.Format);
        Assert.Equal(Timeframe.M5, file.Timeframe);
        TestCandles.AssertEqual(series, file.Candles);
    }

    [Fact]
    public async Task ParquetExport_Schema_IsUtcMillisecondTimestampAndRequiredDoubles()
    {
        var path = _temp.File("schema.parquet");
        await CandleExporter.ExportAsync(AwkwardSeries(Timeframe.H1, 10, 1), path);

        await using var reader = await ParquetReader.CreateAsync(path);
        var columns = reader.Metadata!.Schema.Skip(1).ToList();

        Assert.Equal(["time", "open", "high", "low", "close", "volume"], columns.Select(c => c.Name));
        Assert.Equal(Parquet.Meta.Type.INT64, columns[0].Type);
        Assert.True(columns[0].LogicalType!.TIMESTAMP!.IsAdjustedToUTC);
        Assert.NotNull(columns[0].LogicalType!.TIMESTAMP!.Unit.MILLIS);
        Assert.All(columns.Skip(1), c => Assert.Equal(Parquet.Meta.Type.DOUBLE, c.Type));
        Assert.All(columns, c => Assert.Equal(Parquet.Meta.FieldRepetitionType.REQUIRED, c.RepetitionType));
    }

    [Fact]
    public async Task ParquetImport_PandasStyleNullableColumnsWithEpochMilliseconds_AreRead()
    {
        // The layout pandas/polars write: optional columns, time as int64 epoch ms, volume as float.
        var path = _temp.File("pandas.parquet");
        var time = new DataField<long?>("timestamp");
        var open = new DataField<double?>("Open");
        var high = new DataField<double?>("High");
        var low = new DataField<double?>("Low");
        var close = new DataField<double?>("Close");
        var volume = new DataField<float?>("Volume");
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(time, open, high, low, close, volume), stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<long>(time, new long?[] { TestCandles.Start, TestCandles.Start + 3_600_000 }.AsMemory());
            await group.WriteAsync<double>(open, new double?[] { 1, 1.5 }.AsMemory());
            await group.WriteAsync<double>(high, new double?[] { 2, 2 }.AsMemory());
            await group.WriteAsync<double>(low, new double?[] { 0.5, 1 }.AsMemory());
            await group.WriteAsync<double>(close, new double?[] { 1.5, 1.8 }.AsMemory());
            await group.WriteAsync<float>(volume, new float?[] { 10, 12.5f }.AsMemory());
        }

        var file = await CandleFileReader.ReadAsync(path);

        Assert.Equal(Timeframe.H1, file.Timeframe);
        Assert.Equal(new Candle(TestCandles.Start + 3_600_000, 1.5, 2, 1, 1.8, 12.5), file.Candles[1]);
    }

    [Fact]
    public async Task Export_ToMissingDirectory_ThrowsAndLeavesNoFile()
    {
        var path = Path.Combine(_temp.Path, "no-such-dir", "out.csv");

        var ex = await Assert.ThrowsAsync<TradewindException>(() => CandleExporter.ExportAsync(AwkwardSeries(Timeframe.H1, 5, 1), path));

        Assert.Equal(ErrorCode.ValidationError, ex.Code);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Export_OverExistingFile_ReplacesItAndLeavesNoTemporaryFiles()
    {
        var path = _temp.File("replace.csv");
        await File.WriteAllTextAsync(path, "old");

        await CandleExporter.ExportAsync(AwkwardSeries(Timeframe.H1, 5, 1), path);

        Assert.StartsWith(CandleCsvWriter.Header, await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_temp.Path));
    }

    [Theory]
    [InlineData("a.parquet", CandleExportFormat.Parquet)]
    [InlineData("a.PQ", CandleExportFormat.Parquet)]
    [InlineData("a.csv", CandleExportFormat.Csv)]
    [InlineData("a.txt", CandleExportFormat.Csv)]
    public void FormatFor_Extension_PicksTheFormat(string path, CandleExportFormat expected) =>
        Assert.Equal(expected, CandleExporter.FormatFor(path));
}
