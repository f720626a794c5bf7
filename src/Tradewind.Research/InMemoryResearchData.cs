using Tradewind.Core;
using Tradewind.Signals.Runtime;

namespace Tradewind.Research;

/// <summary>
/// Research data held in memory, e.g. a candle file passed with <c>--data</c>. Instruments without added rules trade
/// without a lot step or minimums (spot at leverage 1, perpetuals up to 100x), which suits a file that carries no
/// venue rules. "Now" is the end of the latest bar held, so "the latest bars" means the end of the data.
/// </summary>
public sealed class InMemoryResearchData : IResearchData
{
    private readonly InMemorySeriesSource _series = new();
    private readonly Dictionary<Ticker, InstrumentSpec> _specs = [];
    private long _end;

    public long NowMs => _end;

    public InMemoryResearchData Add(Ticker ticker, Timeframe timeframe, CandleSeries candles)
    {
        _series.Add(ticker, timeframe, candles);
        if (candles.LastTime is { } last)
        {
            _end = Math.Max(_end, timeframe.Next(last));
        }

        return this;
    }

    public InMemoryResearchData AddFunding(Ticker ticker, IEnumerable<FundingRate> rates)
    {
        _series.AddFunding(ticker, rates);
        return this;
    }

    public InMemoryResearchData AddInstrument(InstrumentSpec spec)
    {
        _specs[spec.Ticker] = spec;
        return this;
    }

    public ValueTask<CandleSeries> GetCandlesAsync(Ticker ticker, Timeframe timeframe, long fromMs, long toMs, CancellationToken cancellationToken) =>
        _series.GetCandlesAsync(ticker, timeframe, fromMs, toMs, cancellationToken);

    public ValueTask<IReadOnlyList<FundingRate>> GetFundingRatesAsync(Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken) =>
        _series.GetFundingRatesAsync(ticker, fromMs, toMs, cancellationToken);

    public ValueTask<InstrumentSpec> GetInstrumentAsync(Ticker ticker, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_specs.TryGetValue(ticker, out var spec) ? spec : Unconstrained(ticker));

    /// <summary>Rules for an instrument known only from its candles: no tick, lot step or minimums.</summary>
    public static InstrumentSpec Unconstrained(Ticker ticker) => ticker.MarketType == MarketType.Perpetual
        ? new InstrumentSpec(ticker, 0m, 0m, 0m, 0m, MarketType.Perpetual, TimeSpan.FromHours(8), 100)
        : new InstrumentSpec(ticker, 0m, 0m, 0m, 0m, ticker.MarketType, null, 1);
}
