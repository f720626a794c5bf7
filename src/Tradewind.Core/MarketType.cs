namespace Tradewind.Core;

/// <summary>What kind of instrument a ticker names.</summary>
public enum MarketType
{
    Spot,
    Perpetual,
    Prediction,
}
