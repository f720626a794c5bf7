using System.Globalization;
using Tradewind.Core;

namespace Tradewind.Backtesting;

/// <summary>
/// Every setting of a backtest, with the defaults crypto traders expect. The wire names (used in error messages, the
/// CLI and the API) are the snake_case names in each property's summary. <see cref="Validate"/> reports every bad
/// field at once, each with its valid range.
/// </summary>
public sealed record BacktestOptions
{
    public const double MaxFee = 0.1;
    public const double MaxSlippage = 0.1;
    public const int MaxLeverage = 100;

    /// <summary>The defaults.</summary>
    public static BacktestOptions Default { get; } = new();

    /// <summary>
    /// backtesting.py's conventions: no commission or spread, whole units (lot step 1), fill at the next open, trades
    /// still open at the end left open (<c>finalize_trades=False</c>), trading from the first bar where every indicator
    /// has a value. Set <see cref="TradingFee"/> to match a <c>commission</c>.
    /// </summary>
    public static BacktestOptions BacktestingPy { get; } = new()
    {
        TradingFee = 0,
        Slippage = 0,
        LotStep = 1,
        Fill = FillTiming.NextOpen,
        EndOfData = EndOfDataPolicy.KeepOpen,
        StartAtFirstTradableBar = true,
    };

    /// <summary><c>initial_cash</c>: starting cash in the quote currency (split equally across tickers in isolated mode).</summary>
    public double InitialCash { get; init; } = 10_000;

    /// <summary><c>trading_fee</c>: fee per fill as a fraction of the fill's value (0.0005 = 0.05%).</summary>
    public double TradingFee { get; init; } = 0.0005;

    /// <summary><c>slippage</c>: adverse price move per market fill as a fraction of the price (0.0005 = 0.05%).</summary>
    public double Slippage { get; init; } = 0.0005;

    /// <summary><c>leverage</c>: 1-100, applied to perpetuals only (spot is always 1).</summary>
    public int Leverage { get; init; } = 1;

    /// <summary><c>mode</c>: isolated or cross.</summary>
    public BacktestMode Mode { get; init; } = BacktestMode.Isolated;

    /// <summary><c>fill</c>: next-open (default) or close.</summary>
    public FillTiming Fill { get; init; } = FillTiming.NextOpen;

    /// <summary><c>end_of_data</c>: close open positions at the last close (default) or keep them open.</summary>
    public EndOfDataPolicy EndOfData { get; init; } = EndOfDataPolicy.CloseAtLastClose;

    /// <summary><c>from</c>: first bar open time included (Unix ms); null = the first bar of the data.</summary>
    public long? From { get; init; }

    /// <summary><c>to</c>: bars opening at or after this time are excluded (Unix ms); null = through the last bar.</summary>
    public long? To { get; init; }

    /// <summary><c>lot_step</c>: overrides every instrument's lot step (1 = whole units); null = each instrument's own.</summary>
    public double? LotStep { get; init; }

    /// <summary>
    /// <c>start_at_first_tradable_bar</c>: when true (default) the program is evaluated from
    /// <c>ISignalProgram.FirstTradableBar</c> on (backtesting.py's convention); when false from the first bar.
    /// </summary>
    public bool StartAtFirstTradableBar { get; init; } = true;

    /// <summary>
    /// <c>rebalance_band</c>: a same-side entry changes an existing position only when the difference to its target
    /// exceeds this fraction of the target quantity (0 = always trade to the exact target). Stops repeated true bars
    /// from trading small drifts.
    /// </summary>
    public double RebalanceBand { get; init; } = 0.05;

    /// <summary><c>maintenance_margin_rate</c>: the perpetual maintenance margin as a fraction of position value.</summary>
    public double MaintenanceMarginRate { get; init; } = 0.005;

    /// <summary><c>annualization_days</c>: 365 or 252 (or any 1-366); null = detect from the data's weekend bars.</summary>
    public int? AnnualizationDays { get; init; }

    /// <summary><c>risk_free_rate</c>: annual risk-free rate for Sharpe and Sortino, as a fraction (0.04 = 4%).</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>Throws one <see cref="TradewindException"/> (VALIDATION_ERROR) naming every invalid field and its valid range.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        var details = new Dictionary<string, object?>(StringComparer.Ordinal);

        void Problem(string field, string message)
        {
            problems.Add(message);
            details[field] = message;
        }

        if (!double.IsFinite(InitialCash) || InitialCash <= 0 || InitialCash > 1e15)
        {
            Problem("initial_cash", $"'initial_cash' = {Format(InitialCash)} must be a positive amount up to 1e15.");
        }

        if (!InRange(TradingFee, 0, MaxFee))
        {
            Problem("trading_fee", $"'trading_fee' = {Format(TradingFee)} must be between 0 and {Format(MaxFee)} (a fraction: 0.0005 is 0.05%).");
        }

        if (!InRange(Slippage, 0, MaxSlippage))
        {
            Problem("slippage", $"'slippage' = {Format(Slippage)} must be between 0 and {Format(MaxSlippage)} (a fraction: 0.0005 is 0.05%).");
        }

        if (Leverage is < 1 or > MaxLeverage)
        {
            Problem("leverage", $"'leverage' = {Leverage.ToString(CultureInfo.InvariantCulture)} must be a whole number from 1 to {MaxLeverage.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (!Enum.IsDefined(Mode))
        {
            Problem("mode", $"'mode' = {(int)Mode} must be isolated or cross.");
        }

        if (!Enum.IsDefined(Fill))
        {
            Problem("fill", $"'fill' = {(int)Fill} must be next-open or close.");
        }

        if (!Enum.IsDefined(EndOfData))
        {
            Problem("end_of_data", $"'end_of_data' = {(int)EndOfData} must be close-at-last-close or keep-open.");
        }

        if (From is { } from && To is { } to && to <= from)
        {
            Problem("to", $"'to' = {TimeFormat.ToIso(to)} must be after 'from' = {TimeFormat.ToIso(from)}.");
        }

        if (LotStep is { } lot && (!double.IsFinite(lot) || lot <= 0))
        {
            Problem("lot_step", $"'lot_step' = {Format(lot)} must be a positive quantity (e.g. 1 for whole units, 0.001), or omitted to use each instrument's lot step.");
        }

        if (!InRange(RebalanceBand, 0, 1) || RebalanceBand >= 1)
        {
            Problem("rebalance_band", $"'rebalance_band' = {Format(RebalanceBand)} must be at least 0 and below 1 (0.05 = trade only when 5% off target).");
        }

        if (!InRange(MaintenanceMarginRate, 0, 0.5) || MaintenanceMarginRate >= 0.5)
        {
            Problem("maintenance_margin_rate", $"'maintenance_margin_rate' = {Format(MaintenanceMarginRate)} must be at least 0 and below 0.5 (0.005 = 0.5%).");
        }
        else if (Leverage is >= 1 and <= MaxLeverage && MaintenanceMarginRate >= 1.0 / Leverage)
        {
            Problem("maintenance_margin_rate", $"'maintenance_margin_rate' = {Format(MaintenanceMarginRate)} must be below 1/leverage = {Format(1.0 / Leverage)}, or every position would open already liquidated.");
        }

        if (AnnualizationDays is { } days && days is < 1 or > 366)
        {
            Problem("annualization_days", $"'annualization_days' = {days.ToString(CultureInfo.InvariantCulture)} must be from 1 to 366 (365 for 24/7 venues, 252 for weekday markets), or omitted to detect it.");
        }

        if (!InRange(RiskFreeRate, 0, 1) || RiskFreeRate >= 1)
        {
            Problem("risk_free_rate", $"'risk_free_rate' = {Format(RiskFreeRate)} must be at least 0 and below 1 (an annual fraction: 0.04 = 4%).");
        }

        if (problems.Count == 0)
        {
            return;
        }

        throw new TradewindException(
            ErrorCode.ValidationError,
            problems.Count == 1 ? $"Invalid backtest option: {problems[0]}" : $"{problems.Count} invalid backtest options: {string.Join(" ", problems)}",
            "Fix the named fields; docs/backtesting.md lists every option with its default and range.")
        {
            Details = details,
        };
    }

    internal static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool InRange(double value, double min, double max) => double.IsFinite(value) && value >= min && value <= max;
}
