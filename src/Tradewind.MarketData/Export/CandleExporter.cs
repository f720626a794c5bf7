using Tradewind.Core;

namespace Tradewind.MarketData.Export;

/// <summary>Writes a series to a file, all or nothing: it goes to a temporary file next to the target, then replaces it.</summary>
public static class CandleExporter
{
    /// <summary>The format a path implies: <c>.parquet</c>/<c>.pq</c> is Parquet, anything else CSV.</summary>
    public static CandleExportFormat FormatFor(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".PARQUET" or ".PQ" ? CandleExportFormat.Parquet : CandleExportFormat.Csv;

    public static async Task ExportAsync(CandleSeries candles, string path, CandleExportFormat? format = null, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"Cannot write '{path}': the directory '{directory}' does not exist.", "Create the directory first, or choose another path.");
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                if ((format ?? FormatFor(path)) == CandleExportFormat.Parquet)
                {
                    await CandleParquetWriter.WriteAsync(candles, stream, cancellationToken);
                }
                else
                {
                    await CandleCsvWriter.WriteAsync(candles, stream, cancellationToken);
                }
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
