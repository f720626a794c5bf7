using System.Collections.Concurrent;
using Tradewind.Core;
using Tradewind.MarketData;

namespace Tradewind.Research;

/// <summary>
/// Research data from the candle store, fetching what it lacks from the venues (the sim venue by default) through
/// <see cref="CandleService"/>. Instrument lists are cached for <see cref="InstrumentCacheTtl"/> per venue.
/// </summary>
public sealed class StoreResearchData : IResearchData
{
    private readonly CandleService _candles;
    private readonly ProviderRegistry _providers;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<ExchangeId, (long Expires, Task<Dictionary<Ticker, InstrumentSpec>> Specs)> _instruments = new();

    public StoreResearchData(CandleService candles, ProviderRegistry providers, TimeProvider time)
    {
        _candles = candles;
        _providers = providers;
        _time = time;
    }

    public static TimeSpan InstrumentCacheTtl { get; } = TimeSpan.FromMinutes(10);

    public long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public async ValueTask<CandleSeries> GetCandlesAsync(Ticker ticker, Timeframe timeframe, long fromMs, long toMs, CancellationToken cancellationToken) =>
        (await _candles.GetCandlesAsync(ticker, timeframe, fromMs, toMs, null, cancellationToken)).Candles;

    public async ValueTask<IReadOnlyList<FundingRate>> GetFundingRatesAsync(Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken) =>
        ticker.MarketType == MarketType.Perpetual
            ? await _providers.Get(ticker.Exchange).GetFundingRatesAsync(ticker, fromMs, toMs, cancellationToken)
            : [];

    public async ValueTask<InstrumentSpec> GetInstrumentAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        var now = NowMs;
        var entry = _instruments.AddOrUpdate(
            ticker.Exchange,
            exchange => (now + (long)InstrumentCacheTtl.TotalMilliseconds, LoadAsync(exchange, cancellationToken)),
            (exchange, old) => old.Expires > now && !old.Specs.IsFaulted && !old.Specs.IsCanceled
                ? old
                : (now + (long)InstrumentCacheTtl.TotalMilliseconds, LoadAsync(exchange, cancellationToken)));
        var specs = await entry.Specs.WaitAsync(cancellationToken);
        return specs.TryGetValue(ticker, out var spec) ? spec : throw UnknownInstrument(ticker, specs.Keys);
    }

    private async Task<Dictionary<Ticker, InstrumentSpec>> LoadAsync(ExchangeId exchange, CancellationToken cancellationToken)
    {
        var list = await _providers.Get(exchange).GetInstrumentsAsync(cancellationToken);
        var byTicker = new Dictionary<Ticker, InstrumentSpec>(list.Count);
        foreach (var spec in list)
        {
            byTicker.TryAdd(spec.Ticker, spec);
        }

        return byTicker;
    }

    internal static TradewindException UnknownInstrument(Ticker ticker, IEnumerable<Ticker> listed)
    {
        var names = listed.Select(t => t.ToString()).ToList();
        var closest = EditDistance.Closest(ticker.ToString(), names, 5);
        return new TradewindException(
            ErrorCode.UnknownSymbol,
            $"{ticker} is not listed on {ticker.Exchange.Id()}.",
            closest.Count > 0
                ? $"Did you mean {string.Join(", ", closest)}? GET /api/v1/market/symbols (or `tradewind data list`) lists the venue's tickers."
                : "GET /api/v1/market/symbols (or `tradewind data list`) lists the venue's tickers.");
    }
}
