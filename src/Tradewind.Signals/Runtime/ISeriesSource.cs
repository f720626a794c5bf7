using Tradewind.Core;

namespace Tradewind.Signals.Runtime;

/// <summary>
/// Where a running script gets data beyond its own bars: other timeframes for <c>tf()</c>, other tickers for
/// <c>ref()</c>, and funding rates for <c>funding_rate</c>. The backtest engine, the API and the CLI supply one over
/// their candle store; <see cref="InMemorySeriesSource"/> serves tests and callers that already hold the data.
/// </summary>
public interface ISeriesSource
{
    /// <summary>Bars whose open time lies in [<paramref name="fromMs"/>, <paramref name="toMs"/>), oldest first.</summary>
    ValueTask<CandleSeries> GetCandlesAsync(Ticker ticker, Timeframe timeframe, long fromMs, long toMs, CancellationToken cancellationToken);

    /// <summary>Funding events in [<paramref name="fromMs"/>, <paramref name="toMs"/>), oldest first; empty for instruments without funding.</summary>
    ValueTask<IReadOnlyList<FundingRate>> GetFundingRatesAsync(Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken);
}
