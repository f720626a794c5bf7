using Tradewind.Core;

namespace Tradewind.Signals;

/// <summary>
/// One ticker's latest value in a scan, or the typed error that kept it from having one (for example TA_OUT_OF_RANGE
/// for a ticker with too little history), so one bad ticker does not fail the scan.
/// </summary>
public sealed record ScanResult(Ticker Ticker, IReadOnlyList<double> Values, TradewindException? Error)
{
    /// <summary>The first output's latest value; NaN when there is an error.</summary>
    public double Value => Values.Count == 0 ? double.NaN : Values[0];
}
