using Tradewind.Core;

namespace Tradewind.MarketData.Import;

/// <summary>The names of <see cref="CandleFileFormat"/> on the command line and in messages.</summary>
public static class CandleFileFormats
{
    /// <summary>The valid names, for messages.</summary>
    public const string ValidNames = "auto, csv, binance, freqtrade, parquet";

    public static string Name(this CandleFileFormat format) => format switch
    {
        CandleFileFormat.Auto => "auto",
        CandleFileFormat.Csv => "csv",
        CandleFileFormat.BinanceKlines => "binance",
        CandleFileFormat.FreqtradeJson => "freqtrade",
        CandleFileFormat.Parquet => "parquet",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static bool TryParse(string? text, out CandleFileFormat format)
    {
        format = CandleFileFormat.Auto;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "AUTO": format = CandleFileFormat.Auto; return true;
            case "CSV": format = CandleFileFormat.Csv; return true;
            case "BINANCE": format = CandleFileFormat.BinanceKlines; return true;
            case "FREQTRADE" or "JSON": format = CandleFileFormat.FreqtradeJson; return true;
            case "PARQUET": format = CandleFileFormat.Parquet; return true;
            default: return false;
        }
    }

    /// <summary>Parses a format name; the error lists the valid names.</summary>
    public static CandleFileFormat Parse(string? text) =>
        TryParse(text, out var format)
            ? format
            : ThrowHelper.Throw<CandleFileFormat>(
                ErrorCode.ValidationError,
                $"Unknown file format '{text}'.",
                $"Valid formats: {ValidNames} (auto detects the format from the file's content).");
}
