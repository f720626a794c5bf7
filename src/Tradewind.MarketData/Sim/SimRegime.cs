namespace Tradewind.MarketData.Sim;

/// <summary>The market-wide state of the sim's Markov chain; it sets drift, volatility, volume and basis.</summary>
internal enum SimRegime : byte
{
    Calm = 0,
    Bull = 1,
    Bear = 2,
    Crash = 3,
}
