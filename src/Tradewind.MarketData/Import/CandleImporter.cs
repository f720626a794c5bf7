using Tradewind.Core;

namespace Tradewind.MarketData.Import;

/// <summary>
/// Imports a candle file into the store under a ticker. The file is read and checked completely first, then written
/// in one store transaction: a file with an error anywhere, even on its last line, writes nothing.
/// </summary>
public sealed class CandleImporter(ICandleStore store)
{
    /// <summary>
    /// Reads <paramref name="path"/> and stores its bars as <paramref name="ticker"/>. When <paramref name="timeframe"/> is
    /// given, the file's inferred timeframe must match it. The span from the first bar's open to the last bar's close
    /// is recorded as covered, so fetching on demand will not download it again; gaps inside it stay gaps.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(
        string path, Ticker ticker, Timeframe? timeframe = null, CandleFileFormat format = CandleFileFormat.Auto, CancellationToken cancellationToken = default)
    {
        var file = await CandleFileReader.ReadAsync(path, format, timeframe, cancellationToken);
        if (timeframe is { } expected && file.Timeframe != expected)
        {
            ImportErrors.InFile(
                path,
                $"the file holds {file.Timeframe} bars, but {expected} was asked for",
                $"Import it as {file.Timeframe} (--timeframe {file.Timeframe}), or leave out --timeframe to use the file's own.");
        }

        var candles = file.Candles;
        var first = candles.Time[0];
        var last = candles.Time[^1];
        await store.UpsertAsync(ticker, file.Timeframe, candles, new TimeRange(first, file.Timeframe.Next(last)), cancellationToken);
        return new ImportSummary(path, file.Format, ticker, file.Timeframe, candles.Count, first, last, file.Gaps, file.MissingBars, file.NewestFirst);
    }
}
