using Tradewind.Core;

namespace Tradewind.MarketData.Venues;

/// <summary>
/// Turns a venue's own error body on a non-retried failure status (a 4xx other than 429 and 418) into an error that
/// names the venue's code and message, e.g. Binance's <c>{"code":-1121,"msg":"Invalid symbol."}</c> into
/// <see cref="ErrorCode.UnknownSymbol"/>. Returns null for a body it does not recognise (an HTML page from a proxy), and
/// <see cref="VenueHttp"/> then reports the status and the body as they are.
/// </summary>
public delegate TradewindException? VenueErrorTranslator(VenueRequest request, int status, string body);
