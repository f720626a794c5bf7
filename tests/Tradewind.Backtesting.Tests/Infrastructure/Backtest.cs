using Tradewind.Core;
using Tradewind.Signals.Intents;

namespace Tradewind.Backtesting.Tests.Infrastructure;

internal static class Backtest
{
    /// <summary>No fee, no slippage, fine lot step: the plain arithmetic of a scenario.</summary>
    public static readonly BacktestOptions Frictionless = new() { TradingFee = 0, Slippage = 0, RebalanceBand = 0 };

    public static BacktestResult Single(CandleSeries candles, Func<CandleSeries, ScriptedProgram> program, BacktestOptions options, InstrumentSpec? spec = null, IReadOnlyList<FundingRate>? funding = null, Timeframe? timeframe = null)
    {
        spec ??= Specs.Spot(Specs.Btc);
        var leg = new BacktestLeg(spec, candles, program(candles), funding);
        return BacktestEngine.Run(new BacktestRequest([leg], timeframe ?? Timeframe.H1, options));
    }

    public static BacktestResult Script(CandleSeries candles, BacktestOptions options, params (int Bar, SignalIntent Intent)[] script) =>
        Single(candles, c => ScriptedProgram.At(c, script), options);

    public static SignalIntent Long(OrderSize size, double? stop = null, double? take = null, double? trail = null) =>
        SignalIntent.Entry(null, PositionSide.Long, size, stop, take, trail);

    public static SignalIntent Short(OrderSize size, double? stop = null, double? take = null, double? trail = null) =>
        SignalIntent.Entry(null, PositionSide.Short, size, stop, take, trail);

    public static SignalIntent Exit(double fraction = 1) => SignalIntent.Exit(null, fraction);
}
