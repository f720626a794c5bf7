using Tradewind.Core;
using Tradewind.Signals.Runtime;

namespace Tradewind.Backtesting;

/// <summary>
/// One ticker of a backtest: its trading rules, its candles, the program prepared over those candles (its timeline
/// must be the candles' open times), and for perpetuals the venue's funding series.
/// </summary>
/// <param name="Spec">Lot step, min quantity, min notional, contract type and max leverage of the instrument.</param>
/// <param name="Candles">Bars of the backtest timeframe. Bars before <see cref="BacktestOptions.From"/> only warm up the program.</param>
/// <param name="Program">
/// The compiled script for this ticker. Required in isolated mode (a leg without one just holds its cash); in cross
/// mode a leg may have none and be traded by the other legs' programs.
/// </param>
/// <param name="Funding">Funding events of a perpetual, in time order; ignored for spot.</param>
public sealed record BacktestLeg(
    InstrumentSpec Spec,
    CandleSeries Candles,
    ISignalProgram? Program = null,
    IReadOnlyList<FundingRate>? Funding = null)
{
    public Ticker Ticker => Spec.Ticker;
}
