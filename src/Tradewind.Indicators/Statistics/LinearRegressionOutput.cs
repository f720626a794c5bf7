namespace Tradewind.Indicators.Statistics;

/// <summary>Which value of the least-squares line over the window a linear-regression indicator reports.</summary>
public enum LinearRegressionOutput
{
    /// <summary>The line's value at the current bar (TA-Lib LINEARREG).</summary>
    Value,

    /// <summary>The slope as an angle in degrees, atan(slope) (TA-Lib LINEARREG_ANGLE).</summary>
    Angle,

    /// <summary>The line's value at the oldest bar of the window (TA-Lib LINEARREG_INTERCEPT).</summary>
    Intercept,

    /// <summary>Change per bar (TA-Lib LINEARREG_SLOPE).</summary>
    Slope,

    /// <summary>The line extended one bar ahead (TA-Lib TSF).</summary>
    Forecast,
}
