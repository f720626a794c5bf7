namespace Tradewind.Indicators;

/// <summary>How a parameter is typed. <see cref="MaType"/> is an integer in TA-Lib's <see cref="Indicators.MaType"/> order.</summary>
public enum ParameterKind
{
    Integer,
    Real,
    MaType,
}
