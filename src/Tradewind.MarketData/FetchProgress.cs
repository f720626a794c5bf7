namespace Tradewind.MarketData;

/// <summary>
/// Progress of <see cref="CandleService.GetCandlesAsync"/>: which missing part is being fetched (1-based
/// <paramref name="Part"/> of <paramref name="Parts"/>), how far into it the venue has delivered, and the share of all
/// missing time fetched so far (0..1).
/// </summary>
public readonly record struct FetchProgress(int Part, int Parts, TimeRange Range, long FetchedThroughMs, double Fraction);
