using Parquet;
using Parquet.Schema;

namespace Tradewind.MarketData.Import;

/// <summary>
/// Parquet candle files: Tradewind's own export, and the common pandas/polars/freqtrade layouts. Columns are found by
/// name like a CSV header; the time column may be a timestamp or a Unix epoch integer, prices and volume any numeric
/// type. Each row group is read column by column.
/// </summary>
internal sealed class ParquetCandleParser(string path)
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    private readonly TimestampReader _times = new();
    private readonly ParsedCandles _rows = new(path, RowLocation.Row);

    public async Task<ParsedCandles> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, cancellationToken);
        }
        catch (IOException ex)
        {
            ImportErrors.InFile(path, $"it is not a readable Parquet file ({ex.Message})", ImportErrors.ExpectedFormats);
            throw;
        }

        await using (reader)
        {
            var fields = reader.Schema.GetDataFields();
            var names = Array.ConvertAll(fields, f => f.Name);
            var columns = CandleColumns.Find(names, out var missing);
            if (missing.Count > 0)
            {
                ImportErrors.InFile(
                    path,
                    $"it has no {string.Join(", ", missing)} column (found: {string.Join(", ", Array.ConvertAll(names, n => $"'{n}'"))})",
                    CandleColumns.Accepted);
            }

            var row = 1;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = checked((int)group.RowCount);
                var time = await ReadTimesAsync(group, fields[columns.Time], n, row, cancellationToken);
                var open = await ReadNumbersAsync(group, fields[columns.Open], n, row, cancellationToken);
                var high = await ReadNumbersAsync(group, fields[columns.High], n, row, cancellationToken);
                var low = await ReadNumbersAsync(group, fields[columns.Low], n, row, cancellationToken);
                var close = await ReadNumbersAsync(group, fields[columns.Close], n, row, cancellationToken);
                var volume = await ReadNumbersAsync(group, fields[columns.Volume], n, row, cancellationToken);
                for (var i = 0; i < n; i++)
                {
                    _rows.Add(time[i], open[i], high[i], low[i], close[i], volume[i], row + i);
                }

                row += n;
            }
        }

        if (_rows.Count == 0)
        {
            ImportErrors.InFile(path, "the Parquet file has no rows", "Export the candles again; the file holds the columns but no bars.");
        }

        return _rows;
    }

    private async Task<long[]> ReadTimesAsync(ParquetRowGroupReader group, DataField field, int n, int firstRow, CancellationToken cancellationToken)
    {
        var result = new long[n];
        var type = field.ClrType;
        if (type == typeof(DateTime))
        {
            var values = await ReadAsync<DateTime>(group, field, n, firstRow, cancellationToken);
            for (var i = 0; i < n; i++)
            {
                var ticks = values[i].Ticks - UnixEpochTicks;
                if (ticks % TimeSpan.TicksPerMillisecond != 0 || ticks < 0)
                {
                    ImportErrors.At(path, $"row {firstRow + i}", $"time {values[i]:O} is before 1970 or has a fraction of a millisecond", "Bar open times are whole milliseconds after 1970-01-01 UTC.");
                }

                result[i] = ticks / TimeSpan.TicksPerMillisecond;
            }
        }
        else if (type == typeof(DateTimeOffset))
        {
            var values = await ReadAsync<DateTimeOffset>(group, field, n, firstRow, cancellationToken);
            for (var i = 0; i < n; i++)
            {
                result[i] = values[i].ToUnixTimeMilliseconds();
            }
        }
        else if (type == typeof(long) || type == typeof(int))
        {
            var values = type == typeof(long)
                ? await ReadAsync<long>(group, field, n, firstRow, cancellationToken)
                : Array.ConvertAll(await ReadAsync<int>(group, field, n, firstRow, cancellationToken), v => (long)v);
            for (var i = 0; i < n; i++)
            {
                if (!_times.TryRead(values[i], out result[i], out var problem))
                {
                    ImportErrors.At(path, $"row {firstRow + i}", problem!, "Write the time column as a timestamp or as Unix epoch numbers in one unit.");
                }
            }
        }
        else
        {
            ImportErrors.InFile(
                path,
                $"its time column '{field.Name}' holds {type.Name} values",
                "The time column must be a timestamp or an integer Unix epoch (seconds, milliseconds, microseconds or nanoseconds).");
        }

        return result;
    }

    private async Task<double[]> ReadNumbersAsync(ParquetRowGroupReader group, DataField field, int n, int firstRow, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (type == typeof(double))
        {
            return await ReadAsync<double>(group, field, n, firstRow, cancellationToken);
        }

        if (type == typeof(float))
        {
            return Array.ConvertAll(await ReadAsync<float>(group, field, n, firstRow, cancellationToken), v => (double)v);
        }

        if (type == typeof(decimal))
        {
            return Array.ConvertAll(await ReadAsync<decimal>(group, field, n, firstRow, cancellationToken), v => (double)v);
        }

        if (type == typeof(long))
        {
            return Array.ConvertAll(await ReadAsync<long>(group, field, n, firstRow, cancellationToken), v => (double)v);
        }

        if (type == typeof(int))
        {
            return Array.ConvertAll(await ReadAsync<int>(group, field, n, firstRow, cancellationToken), v => (double)v);
        }

        ImportErrors.InFile(
            path,
            $"its column '{field.Name}' holds {type.Name} values, not numbers",
            "Prices and volume must be numeric columns (double, float, decimal or integer).");
        return [];
    }

    /// <summary>A whole column of one row group; a null in an optional column is an error naming its row.</summary>
    private async Task<T[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int n, int firstRow, CancellationToken cancellationToken)
        where T : struct
    {
        if (!field.IsNullable)
        {
            var values = new T[n];
            await group.ReadAsync(field, values.AsMemory(), null, cancellationToken);
            return values;
        }

        var nullable = new T?[n];
        await group.ReadAsync(field, nullable.AsMemory(), null, cancellationToken);
        var result = new T[n];
        for (var i = 0; i < n; i++)
        {
            if (nullable[i] is not { } value)
            {
                ImportErrors.At(path, $"row {firstRow + i}", $"{field.Name} is empty (null)", "Every bar needs a time, open, high, low, close and volume; drop or fill the incomplete rows.");
                return result;
            }

            result[i] = value;
        }

        return result;
    }
}
