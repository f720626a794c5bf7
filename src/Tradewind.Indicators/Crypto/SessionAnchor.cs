namespace Tradewind.Indicators.Crypto;

/// <summary>Where a session-anchored indicator restarts; the numbers are the DSL's `anchor` parameter values.</summary>
public enum SessionAnchor
{
    /// <summary>Each UTC day, at 00:00 UTC.</summary>
    Day = 0,

    /// <summary>Each week, Monday 00:00 UTC.</summary>
    Week = 1,

    /// <summary>Each calendar month, the 1st at 00:00 UTC.</summary>
    Month = 2,
}
