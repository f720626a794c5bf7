using Tradewind.Indicators;

namespace Tradewind.Signals.Tests.Infrastructure;

/// <summary>
/// Minimal TA-Lib-shaped definitions (same names, inputs, parameters, outputs and lookbacks as the registry's) used
/// only when the registry under test lacks them. Their values are not checked against TA-Lib here; the indicator
/// project's golden tests do that for the real ones.
/// </summary>
public static class StandInIndicators
{
    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new()
        {
            Name = "rsi",
            Group = IndicatorGroup.Momentum,
            Title = "Relative Strength Index (test stand-in)",
            Description = "Wilder RSI.",
            Inputs = [new InputSpec("source", InputKind.Real)],
            Parameters = [ParameterSpec.Period(14)],
            Outputs = [new OutputSpec("value", "RSI.")],
            Lookback = p => (int)p[0],
            Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Rsi(i.In0, (int)p[0], o.Out0),
            CreateStateUnchecked = _ => throw new NotSupportedException("Stand-in has no streaming state."),
        },
        new()
        {
            Name = "bbands",
            Aliases = ["bb"],
            Group = IndicatorGroup.Overlap,
            Title = "Bollinger Bands (test stand-in)",
            Description = "SMA with population-stdev bands.",
            Inputs = [new InputSpec("source", InputKind.Real)],
            Parameters =
            [
                ParameterSpec.Period(5),
                ParameterSpec.Real("nbdev_up", 2, -3e37, 3e37, "Upper deviations."),
                ParameterSpec.Real("nbdev_dn", 2, -3e37, 3e37, "Lower deviations."),
                ParameterSpec.MovingAverage(),
            ],
            Outputs = [new OutputSpec("upper", "Upper."), new OutputSpec("middle", "Middle."), new OutputSpec("lower", "Lower.")],
            Lookback = p => (int)p[0] - 1,
            Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Bbands(i.In0, (int)p[0], p[1], p[2], o.Out0, o.Out1, o.Out2),
            CreateStateUnchecked = _ => throw new NotSupportedException("Stand-in has no streaming state."),
        },
        new()
        {
            Name = "macd",
            Group = IndicatorGroup.Momentum,
            Title = "MACD (test stand-in)",
            Description = "EMA difference with signal and histogram.",
            Inputs = [new InputSpec("source", InputKind.Real)],
            Parameters =
            [
                ParameterSpec.Period(12, name: "fast_period"),
                ParameterSpec.Period(26, name: "slow_period"),
                ParameterSpec.Period(9, min: 1, name: "signal_period"),
            ],
            Outputs = [new OutputSpec("macd", "MACD."), new OutputSpec("signal", "Signal."), new OutputSpec("hist", "Histogram.")],
            Lookback = p => (int)Math.Max(p[0], p[1]) - 1 + (int)p[2] - 1,
            Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Macd(i.In0, (int)p[0], (int)p[1], (int)p[2], o.Out0, o.Out1, o.Out2),
            CreateStateUnchecked = _ => throw new NotSupportedException("Stand-in has no streaming state."),
        },
        new()
        {
            Name = "atr",
            Group = IndicatorGroup.Volatility,
            Title = "Average True Range (test stand-in)",
            Description = "Wilder ATR.",
            Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
            Parameters = [ParameterSpec.Period(14, min: 1)],
            Outputs = [new OutputSpec("value", "ATR.")],
            Lookback = p => (int)p[0],
            Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Atr(i.In0, i.In1, i.In2, (int)p[0], o.Out0),
            CreateStateUnchecked = _ => throw new NotSupportedException("Stand-in has no streaming state."),
        },
    ];

    private static void Rsi(ReadOnlySpan<double> x, int period, Span<double> output)
    {
        var n = x.Length;
        output.Fill(double.NaN);
        if (n <= period)
        {
            return;
        }

        double gain = 0, loss = 0;
        for (var i = 1; i <= period; i++)
        {
            var d = x[i] - x[i - 1];
            if (d > 0)
            {
                gain += d;
            }
            else
            {
                loss -= d;
            }
        }

        gain /= period;
        loss /= period;
        output[period] = gain + loss == 0 ? 0 : 100 * gain / (gain + loss);
        for (var i = period + 1; i < n; i++)
        {
            var d = x[i] - x[i - 1];
            gain = ((gain * (period - 1)) + Math.Max(d, 0)) / period;
            loss = ((loss * (period - 1)) + Math.Max(-d, 0)) / period;
            output[i] = gain + loss == 0 ? 0 : 100 * gain / (gain + loss);
        }
    }

    private static void Bbands(ReadOnlySpan<double> x, int period, double up, double down, Span<double> upper, Span<double> middle, Span<double> lower)
    {
        upper.Fill(double.NaN);
        middle.Fill(double.NaN);
        lower.Fill(double.NaN);
        for (var i = period - 1; i < x.Length; i++)
        {
            double sum = 0, squares = 0;
            for (var j = i - period + 1; j <= i; j++)
            {
                sum += x[j];
                squares += x[j] * x[j];
            }

            var mean = sum / period;
            var sd = Math.Sqrt(Math.Max(0, (squares / period) - (mean * mean)));
            middle[i] = mean;
            upper[i] = mean + (up * sd);
            lower[i] = mean - (down * sd);
        }
    }

    private static void Ema(ReadOnlySpan<double> x, int period, int start, Span<double> output)
    {
        output.Fill(double.NaN);
        if (x.Length < start + period)
        {
            return;
        }

        var sum = 0.0;
        for (var i = start; i < start + period; i++)
        {
            sum += x[i];
        }

        var k = 2.0 / (period + 1);
        var prev = sum / period;
        output[start + period - 1] = prev;
        for (var i = start + period; i < x.Length; i++)
        {
            prev = ((x[i] - prev) * k) + prev;
            output[i] = prev;
        }
    }

    private static void Macd(ReadOnlySpan<double> x, int fast, int slow, int signal, Span<double> macd, Span<double> sig, Span<double> hist)
    {
        var n = x.Length;
        var f = new double[n];
        var s = new double[n];
        var lookSlow = Math.Max(fast, slow) - 1;
        Ema(x, fast, lookSlow - (fast - 1), f);
        Ema(x, slow, lookSlow - (slow - 1), s);
        var m = new double[n];
        for (var i = 0; i < n; i++)
        {
            m[i] = f[i] - s[i];
        }

        var sg = new double[n];
        Ema(m, signal, lookSlow, sg);
        var lookback = lookSlow + signal - 1;
        for (var i = 0; i < n; i++)
        {
            var valid = i >= lookback;
            macd[i] = valid ? m[i] : double.NaN;
            sig[i] = valid ? sg[i] : double.NaN;
            hist[i] = valid ? m[i] - sg[i] : double.NaN;
        }
    }

    private static void Atr(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        var n = close.Length;
        output.Fill(double.NaN);
        if (n <= period)
        {
            return;
        }

        var sum = 0.0;
        for (var i = 1; i <= period; i++)
        {
            sum += TrueRange(high, low, close, i);
        }

        var atr = sum / period;
        output[period] = atr;
        for (var i = period + 1; i < n; i++)
        {
            atr = ((atr * (period - 1)) + TrueRange(high, low, close, i)) / period;
            output[i] = atr;
        }
    }

    private static double TrueRange(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int i) =>
        Math.Max(high[i] - low[i], Math.Max(Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1])));
}
