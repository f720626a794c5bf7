using Tradewind.Core;

namespace Tradewind.MarketData.Import;

/// <summary>
/// Reads a candle file into a <see cref="CandleSeries"/> and infers its timeframe. Every problem is an IMPORT_ERROR
/// naming the file, the line (or row) and what is wrong, with a suggestion. The whole file is checked before anything
/// is returned, so a caller that stores the result stores all of it or nothing.
/// </summary>
public static class CandleFileReader
{
    /// <summary>
    /// Reads <paramref name="path"/>. <paramref name="timeframe"/> is used only when the file cannot tell: a single bar,
    /// or bars spaced so sparsely that no spacing is a timeframe; otherwise the file's own timeframe is returned and the
    /// caller compares.
    /// </summary>
    public static async Task<CandleFile> ReadAsync(
        string path, CandleFileFormat format = CandleFileFormat.Auto, Timeframe? timeframe = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            ImportErrors.InFile(
                path,
                "no such file",
                Directory.Exists(path)
                    ? "That is a directory; name a candle file inside it."
                    : $"Check the path (relative paths start at {Environment.CurrentDirectory}).");
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (stream.Length == 0)
        {
            ImportErrors.InFile(path, "the file is empty", ImportErrors.ExpectedFormats);
        }

        var detected = format == CandleFileFormat.Auto ? await DetectAsync(stream, path, cancellationToken) : format;
        stream.Position = 0;
        ParsedCandles rows;
        switch (detected)
        {
            case CandleFileFormat.FreqtradeJson:
                rows = await new FreqtradeJsonParser(path).ParseAsync(stream, cancellationToken);
                break;
            case CandleFileFormat.Parquet:
                rows = await new ParquetCandleParser(path).ParseAsync(stream, cancellationToken);
                break;
            default:
                var csv = new CsvCandleParser(path, format);
                rows = await csv.ParseAsync(stream, cancellationToken);
                detected = csv.Format;
                break;
        }

        var content = rows.Finish(timeframe);
        return new CandleFile(path, detected, content.Timeframe, content.Candles, content.Gaps, content.MissingBars, content.NewestFirst);
    }

    /// <summary>Parquet by its "PAR1" magic, JSON by a leading '[', anything else is CSV (Binance dumps are told apart by the CSV reader).</summary>
    private static async Task<CandleFileFormat> DetectAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        var head = new byte[Math.Min(4096, stream.Length)];
        await stream.ReadExactlyAsync(head, cancellationToken);
        if (head.Length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1')
        {
            return CandleFileFormat.Parquet;
        }

        var text = head.AsSpan();
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        foreach (var b in text)
        {
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    continue;
                case (byte)'[':
                    return CandleFileFormat.FreqtradeJson;
                case (byte)'{':
                    ImportErrors.InFile(path, "it is a JSON object, not a list of candles", "freqtrade JSON is one list of candles: [[time_ms, open, high, low, close, volume], ...].");
                    break;
            }

            return CandleFileFormat.Csv;
        }

        ImportErrors.InFile(path, "the file holds only whitespace", ImportErrors.ExpectedFormats);
        return CandleFileFormat.Csv;
    }
}
