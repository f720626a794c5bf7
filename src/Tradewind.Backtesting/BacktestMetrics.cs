namespace Tradewind.Backtesting;

/// <summary>
/// The statistics of a backtest. docs/metrics.md gives the formula of each (the wire name is in each summary).
/// Values are NaN when undefined (for example a Sharpe ratio with no variation, or trade statistics without trades).
/// Percentages are in percent (12.5 means 12.5%); drawdowns are positive.
/// </summary>
public sealed record BacktestMetrics
{
    public required double StartEquity { get; init; }

    public required double FinalEquity { get; init; }

    public required double PeakEquity { get; init; }

    /// <summary><c>total_return_pct</c>.</summary>
    public required double TotalReturnPct { get; init; }

    /// <summary><c>cagr</c>, in percent.</summary>
    public required double CagrPct { get; init; }

    /// <summary><c>buy_and_hold_return_pct</c>: mean over tickers of first close to last close.</summary>
    public required double BuyAndHoldReturnPct { get; init; }

    /// <summary><c>volatility_ann</c>, in percent.</summary>
    public required double VolatilityAnnPct { get; init; }

    /// <summary><c>sharpe</c>.</summary>
    public required double Sharpe { get; init; }

    /// <summary><c>sortino</c>.</summary>
    public required double Sortino { get; init; }

    /// <summary><c>calmar</c>.</summary>
    public required double Calmar { get; init; }

    /// <summary><c>max_drawdown</c>, in percent below the peak.</summary>
    public required double MaxDrawdownPct { get; init; }

    /// <summary><c>max_drawdown_duration</c>: longest time from a peak to its recovery (or to the end).</summary>
    public required TimeSpan MaxDrawdownDuration { get; init; }

    /// <summary><c>avg_drawdown</c>: mean depth of the drawdown episodes, in percent.</summary>
    public required double AvgDrawdownPct { get; init; }

    /// <summary><c>num_trades</c>.</summary>
    public required int NumTrades { get; init; }

    /// <summary><c>win_rate</c>, in percent.</summary>
    public required double WinRatePct { get; init; }

    /// <summary><c>profit_factor</c>: gross profit over gross loss, on PnL.</summary>
    public required double ProfitFactor { get; init; }

    /// <summary><c>expectancy</c>: mean PnL per trade, in quote currency.</summary>
    public required double Expectancy { get; init; }

    /// <summary><c>sqn</c>.</summary>
    public required double Sqn { get; init; }

    /// <summary><c>kelly</c>.</summary>
    public required double Kelly { get; init; }

    /// <summary><c>exposure_pct</c>: percent of bars with a position held.</summary>
    public required double ExposurePct { get; init; }

    /// <summary><c>avg_trade_pct</c>.</summary>
    public required double AvgTradePct { get; init; }

    /// <summary><c>best_trade_pct</c>.</summary>
    public required double BestTradePct { get; init; }

    /// <summary><c>worst_trade_pct</c>.</summary>
    public required double WorstTradePct { get; init; }

    /// <summary><c>avg_trade_duration</c>.</summary>
    public required TimeSpan AvgTradeDuration { get; init; }

    /// <summary><c>fees_paid</c>, in quote currency (liquidation clearance included).</summary>
    public required double FeesPaid { get; init; }

    /// <summary><c>funding_paid</c>, in quote currency: positive paid, negative received.</summary>
    public required double FundingPaid { get; init; }

    /// <summary><c>rejected_orders</c>.</summary>
    public required int RejectedOrders { get; init; }

    /// <summary><c>liquidations</c>.</summary>
    public required int Liquidations { get; init; }

    /// <summary><c>bars</c>: points on the equity curve.</summary>
    public required int Bars { get; init; }

    /// <summary><c>annualization_days</c>: 365 or 252 (or the option's value).</summary>
    public required int AnnualizationDays { get; init; }

    /// <summary><c>annualization_source</c>.</summary>
    public required AnnualizationSource AnnualizationSource { get; init; }

    /// <summary><c>periods_per_year</c>: return periods per year used for annualising (days for daily and finer bars).</summary>
    public required double PeriodsPerYear { get; init; }

    /// <summary><c>return_periods</c>: number of periodic returns behind the risk metrics.</summary>
    public required int ReturnPeriods { get; init; }
}
