namespace Tradewind.Indicators.Statistics;

/// <summary>
/// Least-squares line through the last `period` values against bar number (TA-Lib LINEARREG, LINEARREG_ANGLE,
/// LINEARREG_INTERCEPT, LINEARREG_SLOPE and TSF). x is 0 at the oldest bar of the window and period-1 at the
/// current one. Each bar refits the whole window, in TA-Lib's order, so results match TA-Lib to the last bits.
/// First value at index period-1.
/// </summary>
public static class LinearRegression
{
    public static int Lookback(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> input, int period, LinearRegressionOutput output, Span<double> result)
    {
        var lookback = Lookback(period);
        var n = input.Length;
        if (n <= lookback)
        {
            result[..n].Fill(double.NaN);
            return;
        }

        result[..lookback].Fill(double.NaN);
        var line = new Line(period);
        for (var today = lookback; today < n; today++)
        {
            result[today] = line.Evaluate(input.Slice(today - lookback, period), output);
        }
    }

    internal static IndicatorDefinition ValueDefinition { get; } = Define(
        "linearreg",
        ["linreg"],
        "LINEARREG",
        "Linear Regression",
        "Value at the current bar of the least-squares line fitted to the last `period` values (TA-Lib LINEARREG).",
        LinearRegressionOutput.Value);

    internal static IndicatorDefinition AngleDefinition { get; } = Define(
        "linearreg_angle",
        ["linreg_angle"],
        "LINEARREG_ANGLE",
        "Linear Regression Angle",
        "Slope of the least-squares line over the last `period` values as an angle in degrees, atan(slope) x 180/pi, with the slope "
            + "in price units per bar (TA-Lib LINEARREG_ANGLE).",
        LinearRegressionOutput.Angle);

    internal static IndicatorDefinition InterceptDefinition { get; } = Define(
        "linearreg_intercept",
        ["linreg_intercept"],
        "LINEARREG_INTERCEPT",
        "Linear Regression Intercept",
        "Value at the oldest bar of the window of the least-squares line fitted to the last `period` values (TA-Lib LINEARREG_INTERCEPT).",
        LinearRegressionOutput.Intercept);

    internal static IndicatorDefinition SlopeDefinition { get; } = Define(
        "linearreg_slope",
        ["linreg_slope"],
        "LINEARREG_SLOPE",
        "Linear Regression Slope",
        "Slope, in price units per bar, of the least-squares line fitted to the last `period` values (TA-Lib LINEARREG_SLOPE).",
        LinearRegressionOutput.Slope);

    internal static IndicatorDefinition ForecastDefinition { get; } = Define(
        "tsf",
        [],
        "TSF",
        "Time Series Forecast",
        "The least-squares line fitted to the last `period` values, extended one bar ahead: linear regression value plus slope (TA-Lib TSF).",
        LinearRegressionOutput.Forecast);

    private static IndicatorDefinition Define(string name, string[] aliases, string taLib, string title, string description, LinearRegressionOutput output) => new()
    {
        Name = name,
        Aliases = aliases,
        TaLibFunction = taLib,
        Group = IndicatorGroup.Statistics,
        Title = title,
        Description = description,
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", title + ".")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], output, o.Out0),
        CreateStateUnchecked = p => new LinearRegressionState((int)p[0], output),
    };

    /// <summary>The constants of one window length and the fit, shared by the batch kernel and the state.</summary>
    internal readonly struct Line
    {
        private readonly int _period;
        private readonly double _sumX;
        private readonly double _divisor;

        public Line(int period)
        {
            _period = period;

            // TA-Lib evaluates these in int arithmetic, which overflows past period ~1290; long keeps them exact.
            long p = period;
            _sumX = (p * (p - 1)) * 0.5;
            double sumXSquared = p * (p - 1) * ((2 * p) - 1) / 6;
            _divisor = (_sumX * _sumX) - (period * sumXSquared);
        }

        /// <summary>Fits <paramref name="window"/> (oldest first) in TA-Lib's order and returns the requested value.</summary>
        public double Evaluate(ReadOnlySpan<double> window, LinearRegressionOutput output)
        {
            // TA-Lib weights the bar i steps back by i: the sums run from the oldest bar to the newest.
            var sumXY = 0.0;
            var sumY = 0.0;
            var weight = window.Length - 1;
            for (var j = 0; j < window.Length; j++, weight--)
            {
                var y = window[j];
                sumY += y;
                sumXY += weight * y;
            }

            var slope = ((_period * sumXY) - (_sumX * sumY)) / _divisor;
            return output switch
            {
                LinearRegressionOutput.Slope => slope,
                LinearRegressionOutput.Angle => Math.Atan(slope) * (180.0 / Math.PI),
                LinearRegressionOutput.Intercept => (sumY - (slope * _sumX)) / _period,
                LinearRegressionOutput.Value => ((sumY - (slope * _sumX)) / _period) + (slope * (_period - 1)),
                _ => ((sumY - (slope * _sumX)) / _period) + (slope * _period),
            };
        }
    }
}

/// <summary>Streaming linear regression (any <see cref="LinearRegressionOutput"/>); equals <see cref="LinearRegression.Compute"/> bit for bit.</summary>
public sealed class LinearRegressionState : IIndicatorState
{
    private readonly SlidingWindow _window;
    private readonly LinearRegression.Line _line;
    private readonly LinearRegressionOutput _output;

    public LinearRegressionState(int period, LinearRegressionOutput output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _window = new SlidingWindow(period);
        _line = new LinearRegression.Line(period);
        _output = output;
    }

    public int WarmUpPeriod => _window.Capacity;

    public bool IsReady => _window.IsFull;

    public double Update(double value)
    {
        _window.Add(value);
        return _window.IsFull ? _line.Evaluate(_window.Values, _output) : double.NaN;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _window.Clear();
}
