using System.Globalization;
using Tradewind.Core;

namespace Tradewind.Indicators;

/// <summary>One parameter with its default and inclusive bounds (TA-Lib's where TA-Lib has the function).</summary>
public sealed record ParameterSpec(string Name, ParameterKind Kind, double Default, double Min, double Max, string Description)
{
    public static ParameterSpec Period(int @default, int min = 2, int max = 100_000, string name = "period", string? description = null) =>
        new(name, ParameterKind.Integer, @default, min, max, description ?? "Number of bars.");

    public static ParameterSpec Real(string name, double @default, double min, double max, string description) =>
        new(name, ParameterKind.Real, @default, min, max, description);

    public static ParameterSpec MovingAverage(string name = "ma_type", MaType @default = Indicators.MaType.Sma, string? description = null) =>
        new(name, ParameterKind.MaType, (int)@default, 0, 8, description ?? "Moving average: 0 SMA, 1 EMA, 2 WMA, 3 DEMA, 4 TEMA, 5 TRIMA, 6 KAMA, 7 MAMA, 8 T3.");

    /// <summary>Throws a teaching error when <paramref name="value"/> is out of bounds or not an integer where one is needed.</summary>
    public void Validate(string indicator, double value)
    {
        if (double.IsNaN(value) || value < Min || value > Max)
        {
            ThrowHelper.ParameterOutOfRange(indicator, Name, value, Min, Max);
        }

        if (Kind != ParameterKind.Real && value != Math.Floor(value))
        {
            ThrowHelper.Throw(
                ErrorCode.InvalidParameter,
                $"{indicator}: parameter '{Name}' = {value.ToString(CultureInfo.InvariantCulture)} must be a whole number.",
                $"'{Name}' must be an integer between {Min.ToString(CultureInfo.InvariantCulture)} and {Max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
