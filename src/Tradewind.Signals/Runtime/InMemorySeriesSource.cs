using Tradewind.Core;

namespace Tradewind.Signals.Runtime;

/// <summary>
/// An <see cref="ISeriesSource"/> over series held in memory. A timeframe that was not added is resampled from the
/// finest added timeframe it is a whole multiple of; a trailing bar that is not complete yet is left out.
/// </summary>
public sealed class InMemorySeriesSource : ISeriesSource
{
    private readonly Dictionary<(Ticker Ticker, string Timeframe), CandleSeries> _candles = [];
    private readonly Dictionary<Ticker, FundingRate[]> _funding = [];

    public InMemorySeriesSource Add(Ticker ticker, Timeframe timeframe, CandleSeries candles)
    {
        _candles[(ticker, timeframe.Name)] = candles;
        return this;
    }

    public InMemorySeriesSource AddFunding(Ticker ticker, IEnumerable<FundingRate> rates)
    {
        _funding[ticker] = [.. rates.OrderBy(r => r.Time)];
        return this;
    }

    public ValueTask<CandleSeries> GetCandlesAsync(Ticker ticker, Timeframe timeframe, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_candles.TryGetValue((ticker, timeframe.Name), out var exact))
        {
            return ValueTask.FromResult(exact.Between(fromMs, toMs));
        }

        foreach (var finer in Timeframe.All)
        {
            if (finer >= timeframe || !timeframe.IsMultipleOf(finer) || !_candles.TryGetValue((ticker, finer.Name), out var source))
            {
                continue;
            }

            // Resample from the start of the target bar that contains fromMs, so the first bar is whole.
            var start = timeframe.Floor(fromMs);
            return ValueTask.FromResult(source.Between(start, toMs).Resample(finer, timeframe, includePartial: false).Between(fromMs, toMs));
        }

        var held = _candles.Keys.Where(k => k.Ticker == ticker).Select(k => k.Timeframe).ToList();
        return ThrowHelper.Throw<ValueTask<CandleSeries>>(
            ErrorCode.DataUnavailable,
            $"No {timeframe} candles for {ticker}.",
            held.Count == 0
                ? $"Add candles for {ticker} to the series source."
                : $"Candles for {ticker} are held at {string.Join(", ", held)}; {timeframe} must be a whole multiple of one of them.");
    }

    public ValueTask<IReadOnlyList<FundingRate>> GetFundingRatesAsync(Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_funding.TryGetValue(ticker, out var rates))
        {
            return ValueTask.FromResult<IReadOnlyList<FundingRate>>([]);
        }

        var result = new List<FundingRate>();
        foreach (var r in rates)
        {
            if (r.Time >= fromMs && r.Time < toMs)
            {
                result.Add(r);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<FundingRate>>(result);
    }
}
