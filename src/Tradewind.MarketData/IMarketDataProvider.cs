using Tradewind.Core;

namespace Tradewind.MarketData;

/// <summary>
/// Public market data of one venue. Operations a venue cannot serve throw <see cref="TradewindException"/> with
/// <see cref="ErrorCode.DataUnavailable"/> and a suggestion naming where the data is available.
/// </summary>
public interface IMarketDataProvider
{
    ExchangeId Exchange { get; }

    /// <summary>Timeframes the venue serves natively, finest first. Others are resampled by the caller.</summary>
    IReadOnlyList<Timeframe> NativeTimeframes { get; }

    /// <summary>Every listed instrument with its trading rules.</summary>
    Task<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Candles whose open time lies in [<paramref name="fromMs"/>, <paramref name="toMs"/>), oldest first, paging
    /// through the venue's limits. <paramref name="progress"/> receives the open time of the newest bar fetched so far.
    /// </summary>
    Task<CandleSeries> GetCandlesAsync(
        Ticker ticker, Timeframe timeframe, long fromMs, long toMs, IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>The latest 24-hour ticker.</summary>
    Task<TickerQuote> GetTickerAsync(Ticker ticker, CancellationToken cancellationToken);

    /// <summary>The best bid and ask.</summary>
    Task<TopOfBook> GetTopOfBookAsync(Ticker ticker, CancellationToken cancellationToken);

    /// <summary>Funding events of a perpetual in [<paramref name="fromMs"/>, <paramref name="toMs"/>), oldest first.</summary>
    Task<IReadOnlyList<FundingRate>> GetFundingRatesAsync(
        Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken);
}
