namespace Tradewind.MarketData.Import;

/// <summary>File formats <see cref="CandleFileReader"/> understands. Wire names (for --format) are in <see cref="CandleFileFormats"/>.</summary>
public enum CandleFileFormat
{
    /// <summary>Detect from the content: Parquet by its magic bytes, JSON by a leading '[', else CSV.</summary>
    Auto,

    /// <summary>Generic OHLCV CSV: a header naming the columns, or six headerless columns t,o,h,l,c,v.</summary>
    Csv,

    /// <summary>Binance kline dumps from data.binance.vision: 12 columns, open time in ms (µs in spot dumps from 2025).</summary>
    BinanceKlines,

    /// <summary>freqtrade's JSON candles: <c>[[time_ms, open, high, low, close, volume], ...]</c>.</summary>
    FreqtradeJson,

    /// <summary>Parquet with a time column (timestamp or Unix epoch integer) and open/high/low/close/volume columns.</summary>
    Parquet,
}
