using Parquet;
using Parquet.Schema;
using Tradewind.Core;

namespace Tradewind.MarketData.Export;

/// <summary>
/// Writes candles as Parquet: <c>time</c> is INT64 TIMESTAMP(MILLIS, isAdjustedToUTC=true), so pandas, polars, DuckDB
/// and Spark read it as a UTC datetime; <c>open, high, low, close, volume</c> are required DOUBLE columns. Snappy
/// compression, one row group per million bars.
/// </summary>
public static class CandleParquetWriter
{
    public const int RowGroupBars = 1_000_000;

    private const long UnixEpochTicks = 621_355_968_000_000_000;

    public static readonly DateTimeDataField TimeField =
        new("time", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false);

    public static readonly DataField<double> OpenField = new("open", false);
    public static readonly DataField<double> HighField = new("high", false);
    public static readonly DataField<double> LowField = new("low", false);
    public static readonly DataField<double> CloseField = new("close", false);
    public static readonly DataField<double> VolumeField = new("volume", false);

    public static async Task WriteAsync(CandleSeries candles, Stream destination, CancellationToken cancellationToken)
    {
        var schema = new ParquetSchema(TimeField, OpenField, HighField, LowField, CloseField, VolumeField);
        await using var writer = await ParquetWriter.CreateAsync(schema, destination, null, false, cancellationToken);
        for (var start = 0; start < Math.Max(candles.Count, 1); start += RowGroupBars)
        {
            var count = Math.Min(RowGroupBars, candles.Count - start);
            var times = new DateTime[count];
            for (var i = 0; i < count; i++)
            {
                times[i] = new DateTime(UnixEpochTicks + (candles.Time[start + i] * TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
            }

            using var group = writer.CreateRowGroup();
            await group.WriteAsync<DateTime>(TimeField, times.AsMemory(), null, null, cancellationToken);
            await group.WriteAsync<double>(OpenField, candles.Open.AsMemory(start, count), null, null, cancellationToken);
            await group.WriteAsync<double>(HighField, candles.High.AsMemory(start, count), null, null, cancellationToken);
            await group.WriteAsync<double>(LowField, candles.Low.AsMemory(start, count), null, null, cancellationToken);
            await group.WriteAsync<double>(CloseField, candles.Close.AsMemory(start, count), null, null, cancellationToken);
            await group.WriteAsync<double>(VolumeField, candles.Volume.AsMemory(start, count), null, null, cancellationToken);
        }
    }
}
