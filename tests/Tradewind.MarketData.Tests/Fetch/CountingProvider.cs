using Tradewind.Core;

namespace Tradewind.MarketData.Tests.Fetch;

/// <summary>
/// An in-test venue behind the <see cref="IMarketDataProvider"/> interface. Faking at this boundary is deliberate:
/// CandleService only ever talks to the interface, and the venue protocols have their own tests against loopback
/// servers. It generates deterministic candles from the open time alone, so any two fetches of a bar agree, counts every
/// call, and can leave ranges empty to play an exchange outage.
/// </summary>
public sealed class CountingProvider(ExchangeId exchange, params Timeframe[] nativeTimeframes) : IMarketDataProvider
{
    private readonly List<TimeRange> _outages = [];

    public ExchangeId Exchange { get; } = exchange;

    public IReadOnlyList<Timeframe> NativeTimeframes { get; } = nativeTimeframes;

    /// <summary>Every candle request: timeframe and [from, to).</summary>
    public List<(Timeframe Timeframe, long From, long To)> Calls { get; } = [];

    /// <summary>When set, the call with this 1-based number fails like a venue error (after it is counted).</summary>
    public int? FailOnCall { get; set; }

    /// <summary>Bars opening in <paramref name="range"/> do not exist at the venue.</summary>
    public void AddOutage(TimeRange range) => _outages.Add(range);

    public static Candle BarAt(Timeframe timeframe, long time)
    {
        // A smooth deterministic walk: the same open time always gives the same bar.
        var k = time / 60_000;
        var open = 100 + (10 * Math.Sin(k / 500.0)) + (k % 7);
        var close = 100 + (10 * Math.Sin((k + 1) / 500.0)) + ((k + 3) % 7);
        var high = Math.Max(open, close) + 1 + (k % 3);
        var low = Math.Min(open, close) - 1 - (k % 2);
        return new Candle(time, open, high, low, close, 1 + (k % 11) + (timeframe.NominalMilliseconds / 60_000));
    }

    public static CandleSeries Series(Timeframe timeframe, long fromMs, long toMs)
    {
        var builder = new CandleSeriesBuilder();
        for (var t = timeframe.IsAligned(fromMs) ? fromMs : timeframe.Next(fromMs); t < toMs; t = timeframe.Next(t))
        {
            builder.Add(BarAt(timeframe, t));
        }

        return builder.Build();
    }

    public Task<CandleSeries> GetCandlesAsync(
        Ticker ticker, Timeframe timeframe, long fromMs, long toMs, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add((timeframe, fromMs, toMs));
            if (Calls.Count == FailOnCall)
            {
                throw new TradewindException(ErrorCode.VenueError, "The venue answered 502 Bad Gateway.");
            }
        }

        var builder = new CandleSeriesBuilder();
        var page = 0;
        for (var t = timeframe.IsAligned(fromMs) ? fromMs : timeframe.Next(fromMs); t < toMs; t = timeframe.Next(t))
        {
            if (!InOutage(t))
            {
                builder.Add(BarAt(timeframe, t));
            }

            // Report like a venue paging 1000 bars at a time.
            if (++page % 1000 == 0)
            {
                progress?.Report(t);
            }
        }

        var series = builder.Build();
        if (series.Count > 0)
        {
            progress?.Report(series.Time[^1]);
        }

        return Task.FromResult(series);
    }

    public Task<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("Not used by CandleService.");

    public Task<TickerQuote> GetTickerAsync(Ticker ticker, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Not used by CandleService.");

    public Task<TopOfBook> GetTopOfBookAsync(Ticker ticker, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Not used by CandleService.");

    public Task<IReadOnlyList<FundingRate>> GetFundingRatesAsync(Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Not used by CandleService.");

    private bool InOutage(long time)
    {
        foreach (var outage in _outages)
        {
            if (outage.Contains(time))
            {
                return true;
            }
        }

        return false;
    }
}
