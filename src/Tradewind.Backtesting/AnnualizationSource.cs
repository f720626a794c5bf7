namespace Tradewind.Backtesting;

/// <summary>Where the days-per-year used to annualise came from.</summary>
public enum AnnualizationSource
{
    /// <summary>Set by <see cref="BacktestOptions.AnnualizationDays"/>.</summary>
    Option,

    /// <summary>Detected: bars on Saturdays and Sundays (365, a 24/7 venue).</summary>
    DetectedAlwaysOpen,

    /// <summary>Detected: (almost) no weekend bars (252, a weekday market).</summary>
    DetectedWeekendGaps,

    /// <summary>Too little data, or bars of a week or longer, to see weekends: 365, since every Tradewind venue trades 24/7.</summary>
    AssumedAlwaysOpen,
}
