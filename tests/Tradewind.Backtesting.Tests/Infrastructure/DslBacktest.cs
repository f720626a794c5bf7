using Tradewind.Core;
using Tradewind.Signals;
using Tradewind.Signals.Runtime;

namespace Tradewind.Backtesting.Tests.Infrastructure;

/// <summary>
/// Runs a Signal DSL script through the engine the way a user's backtest does: compile the text, prepare the plan
/// over the leg's own candles, and hand the resulting program to <see cref="BacktestEngine"/>.
/// </summary>
internal static class DslBacktest
{
    public static CompiledScript Compile(string script) => SignalCompiler.Compile(script).GetValueOrThrow();

    public static async Task<SignalProgram> PrepareAsync(
        string script,
        CandleSeries candles,
        Ticker? ticker = null,
        Timeframe? timeframe = null,
        ISeriesSource? source = null,
        IReadOnlyList<FundingRate>? funding = null) =>
        await PrepareAsync(Compile(script), candles, ticker, timeframe, source, funding);

    public static async Task<SignalProgram> PrepareAsync(
        CompiledScript script,
        CandleSeries candles,
        Ticker? ticker = null,
        Timeframe? timeframe = null,
        ISeriesSource? source = null,
        IReadOnlyList<FundingRate>? funding = null)
    {
        var context = new SignalContext(ticker ?? Specs.Btc, timeframe ?? Timeframe.H1, candles) { Source = source, Funding = funding };
        return await script.PrepareAsync(context);
    }

    /// <summary>One ticker (spot BINANCE:BTC/USDT unless <paramref name="spec"/> says otherwise), isolated.</summary>
    public static async Task<BacktestResult> RunAsync(
        string script,
        CandleSeries candles,
        BacktestOptions options,
        InstrumentSpec? spec = null,
        IReadOnlyList<FundingRate>? funding = null,
        Timeframe? timeframe = null,
        ISeriesSource? source = null)
    {
        spec ??= Specs.Spot(Specs.Btc);
        var program = await PrepareAsync(script, candles, spec.Ticker, timeframe, source, funding);
        var leg = new BacktestLeg(spec, candles, program, funding);
        return BacktestEngine.Run(new BacktestRequest([leg], timeframe ?? Timeframe.H1, options));
    }
}
