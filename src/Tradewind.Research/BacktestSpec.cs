using System.Globalization;
using Tradewind.Backtesting;
using Tradewind.Core;
using Tradewind.Signals;

namespace Tradewind.Research;

/// <summary>
/// A strategy backtest as a user states it: the script, the universe, the period [<see cref="From"/>,
/// <see cref="To"/>) and timeframe, and the engine options (whose own From/To are set from this spec).
/// </summary>
public sealed record BacktestSpec(string Script, IReadOnlyList<Ticker> Universe, Timeframe Timeframe, long From, long To, BacktestOptions Options)
{
    public const int MaxTickers = 100;

    /// <summary>At most this many bars per ticker, warm-up included (about 2 years of 1m bars).</summary>
    public const long MaxBarsPerTicker = 1_100_000;

    /// <summary>Checks everything that needs no data: the period, the universe size, the options and the script. Throws VALIDATION_ERROR.</summary>
    public CompiledScript Validate()
    {
        if (To <= From)
        {
            throw new TradewindException(
                ErrorCode.ValidationError,
                $"'end_date' {TimeFormat.ToIso(To)} must be after 'start_date' {TimeFormat.ToIso(From)}.",
                "Example: start_date 2024-01-01, end_date 2024-06-30.");
        }

        var bars = Timeframe.CountBars(From, To);
        if (bars > MaxBarsPerTicker)
        {
            throw new TradewindException(
                ErrorCode.ValidationError,
                string.Create(CultureInfo.InvariantCulture, $"{TimeFormat.ToIso(From)} to {TimeFormat.ToIso(To)} is {bars} {Timeframe} bars per ticker; at most {MaxBarsPerTicker} are allowed."),
                "Shorten the period or use a coarser timeframe.");
        }

        if (Universe.Count is 0 or > MaxTickers)
        {
            throw new TradewindException(
                ErrorCode.ValidationError,
                string.Create(CultureInfo.InvariantCulture, $"'universe' has {Universe.Count} tickers; a backtest takes 1 to {MaxTickers}."),
                "Example: [\"SIM:BTC/USDT\", \"SIM:ETH/USDT\"].");
        }

        Options.Validate();
        return StrategyBacktester.Compile(Script);
    }
}
