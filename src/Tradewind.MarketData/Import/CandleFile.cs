using Tradewind.Core;

namespace Tradewind.MarketData.Import;

/// <summary>A candle file, read and checked.</summary>
/// <param name="Path">The file as it was named.</param>
/// <param name="Format">The format it was read as (detected or chosen).</param>
/// <param name="Timeframe">The bar interval: inferred from the bars' spacing, or the one passed in for a single-bar file.</param>
/// <param name="Candles">The bars, oldest first.</param>
/// <param name="Gaps">Ranges with no bar inside the file's span (whole bars missing, e.g. weekends or an outage).</param>
/// <param name="MissingBars">Bars missing in all <paramref name="Gaps"/>.</param>
/// <param name="NewestFirst">True when the file listed its rows newest first (they are returned oldest first).</param>
public sealed record CandleFile(
    string Path,
    CandleFileFormat Format,
    Timeframe Timeframe,
    CandleSeries Candles,
    IReadOnlyList<TimeRange> Gaps,
    long MissingBars,
    bool NewestFirst);
