using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Binance;

/// <summary>The parts of exchangeInfo Tradewind keeps: the instruments and the REQUEST_WEIGHT per minute, if listed.</summary>
internal sealed record BinanceExchangeInfo(IReadOnlyList<InstrumentSpec> Instruments, int? WeightLimit);
