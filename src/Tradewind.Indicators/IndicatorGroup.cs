namespace Tradewind.Indicators;

/// <summary>TA-Lib's function groups, plus the crypto-trader extras.</summary>
public enum IndicatorGroup
{
    Overlap,
    Momentum,
    Volatility,
    Volume,
    Cycle,
    PriceTransform,
    Statistics,
    MathOperator,
    Pattern,
    Crypto,
}
