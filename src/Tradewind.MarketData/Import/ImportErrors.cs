using System.Diagnostics.CodeAnalysis;
using Tradewind.Core;

namespace Tradewind.MarketData.Import;

/// <summary>IMPORT_ERROR throw sites: the message names the file, where in it, and the problem.</summary>
internal static class ImportErrors
{
    public const string ExpectedFormats =
        "Tradewind reads CSV with a header (time, open, high, low, close, volume in any order and case) or a headerless "
        + "6-column CSV (time, open, high, low, close, volume), Binance kline CSV dumps (data.binance.vision), freqtrade JSON "
        + "([[time_ms, open, high, low, close, volume], ...]) and Parquet.";

    [DoesNotReturn]
    public static void At(string path, string location, string problem, string suggestion) =>
        throw new TradewindException(ErrorCode.ImportError, $"{path}, {location}: {problem}.", suggestion);

    [DoesNotReturn]
    public static void InFile(string path, string problem, string suggestion) =>
        throw new TradewindException(ErrorCode.ImportError, $"{path}: {problem}.", suggestion);
}
