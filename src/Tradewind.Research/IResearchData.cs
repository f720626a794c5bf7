using Tradewind.Core;
using Tradewind.Signals.Runtime;

namespace Tradewind.Research;

/// <summary>
/// The data a research run reads: candles and funding (for the DSL's <c>tf()</c>, <c>ref()</c> and
/// <c>funding_rate</c> as well as the run's own bars), the trading rules of each instrument, and the current time
/// (the end of "the latest bars").
/// </summary>
public interface IResearchData : ISeriesSource
{
    /// <summary>Lot step, minimums and contract type of <paramref name="ticker"/>; UNKNOWN_SYMBOL (with suggestions) when the venue does not list it.</summary>
    ValueTask<InstrumentSpec> GetInstrumentAsync(Ticker ticker, CancellationToken cancellationToken);

    /// <summary>Now, in Unix ms.</summary>
    long NowMs { get; }
}
