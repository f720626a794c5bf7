using Tradewind.Core;

namespace Tradewind.MarketData.Import;

/// <summary>What <see cref="CandleImporter.ImportAsync"/> stored.</summary>
/// <param name="Path">The file.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Ticker">The series it was stored under.</param>
/// <param name="Timeframe">The series' timeframe (the file's).</param>
/// <param name="Bars">Bars stored.</param>
/// <param name="FirstTime">Open time of the first bar (Unix ms).</param>
/// <param name="LastTime">Open time of the last bar (Unix ms).</param>
/// <param name="Gaps">Ranges inside the file's span with no bar.</param>
/// <param name="MissingBars">Bars missing in all <paramref name="Gaps"/>.</param>
/// <param name="NewestFirst">True when the file listed rows newest first.</param>
public sealed record ImportSummary(
    string Path,
    CandleFileFormat Format,
    Ticker Ticker,
    Timeframe Timeframe,
    int Bars,
    long FirstTime,
    long LastTime,
    IReadOnlyList<TimeRange> Gaps,
    long MissingBars,
    bool NewestFirst);
