using Tradewind.Core;
using Tradewind.Research;

namespace Tradewind.Server.Tests;

/// <summary>
/// The real research data behind a gate: candle loads wait until <see cref="Open"/> (or their cancellation), so a
/// test can hold a backtest in the running state for as long as it needs.
/// </summary>
public sealed class GatedResearchData(IResearchData inner, Gate gate) : IResearchData
{
    public long NowMs => inner.NowMs;

    public ValueTask<InstrumentSpec> GetInstrumentAsync(Ticker ticker, CancellationToken cancellationToken) =>
        inner.GetInstrumentAsync(ticker, cancellationToken);

    public async ValueTask<CandleSeries> GetCandlesAsync(Ticker ticker, Timeframe timeframe, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        gate.Entered.TrySetResult();
        try
        {
            await gate.Opened.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            gate.Cancelled.TrySetResult();
            throw;
        }

        return await inner.GetCandlesAsync(ticker, timeframe, fromMs, toMs, cancellationToken);
    }

    public ValueTask<IReadOnlyList<FundingRate>> GetFundingRatesAsync(Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken) =>
        inner.GetFundingRatesAsync(ticker, fromMs, toMs, cancellationToken);
}
