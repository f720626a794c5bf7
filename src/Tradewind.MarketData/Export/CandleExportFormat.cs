namespace Tradewind.MarketData.Export;

/// <summary>Formats <see cref="CandleExporter"/> writes.</summary>
public enum CandleExportFormat
{
    /// <summary><c>time,open,high,low,close,volume</c> with ISO UTC times.</summary>
    Csv,

    /// <summary>Parquet with a UTC millisecond timestamp column and double columns.</summary>
    Parquet,
}
