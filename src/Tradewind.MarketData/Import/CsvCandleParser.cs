using System.Globalization;
using System.Text;

namespace Tradewind.MarketData.Import;

/// <summary>
/// Generic OHLCV CSV and Binance kline dumps. The first line decides the delimiter (comma, semicolon or tab) and whether
/// there is a header: a line whose first cell is a time and second a number is data. Header names are matched ignoring
/// case, spaces, underscores and punctuation; other columns are ignored. Without a header, six columns are
/// time, open, high, low, close, volume and twelve are a Binance kline dump (open time first, volume sixth).
/// </summary>
internal sealed class CsvCandleParser
{
    private const int NoColumn = CandleColumns.None;

    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    // data.binance.vision's header, written by its USD-M futures dumps (spot dumps have none).
    private static readonly string[] BinanceHeader =
    [
        "opentime", "open", "high", "low", "close", "volume", "closetime", "quotevolume", "count", "takerbuyvolume",
        "takerbuyquotevolume", "ignore",
    ];

    private readonly string _path;
    private readonly CandleFileFormat _requested;
    private readonly CsvFields _fields = new();
    private readonly TimestampReader _times = new();
    private readonly ParsedCandles _rows;

    private bool _started;
    private bool _skippedPreamble;
    private int _headerLine;
    private char _delimiter = ',';
    private int _timeColumn = NoColumn;
    private int _openColumn = NoColumn;
    private int _highColumn = NoColumn;
    private int _lowColumn = NoColumn;
    private int _closeColumn = NoColumn;
    private int _volumeColumn = NoColumn;
    private int _lastColumn;
    private string[] _header = [];

    public CsvCandleParser(string path, CandleFileFormat requested)
    {
        _path = path;
        _requested = requested;
        _rows = new ParsedCandles(path, RowLocation.Line);
    }

    /// <summary>Csv or BinanceKlines, once the first line has been seen.</summary>
    public CandleFileFormat Format { get; private set; } = CandleFileFormat.Csv;

    public async Task<ParsedCandles> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var lines = new TextLineBuffer(text);
        while (await lines.FillAsync(cancellationToken))
        {
            ReadAvailableLines(lines);
        }

        if (_rows.Count == 0)
        {
            if (_headerLine > 0)
            {
                ImportErrors.InFile(_path, $"it has a header (line {_headerLine}) but no data rows", "Add the bars below the header, one per line.");
            }

            ImportErrors.InFile(_path, "the file is empty", ImportErrors.ExpectedFormats);
        }

        return _rows;
    }

    private void ReadAvailableLines(TextLineBuffer lines)
    {
        while (lines.TryReadLine(out var line))
        {
            var trimmed = line.Trim();
            if (trimmed.IsEmpty || trimmed[0] == '#')
            {
                continue;
            }

            if (!_started && !Start(trimmed, lines.LineNumber))
            {
                continue;
            }

            ReadRow(trimmed, lines.LineNumber);
        }
    }

    /// <summary>Reads the first line: returns true when it is data (to be read as a row), false for a header or preamble.</summary>
    private bool Start(ReadOnlySpan<char> line, int number)
    {
        _delimiter = CsvFields.DetectDelimiter(line);
        _fields.Split(line, _delimiter);
        if (_fields.Count == 1)
        {
            // One cell: a title or source line above the header, as CryptoDataDownload's files have. Skip one.
            if (_skippedPreamble)
            {
                ImportErrors.At(_path, $"line {number}", "the line has a single column (no comma, semicolon or tab)", ImportErrors.ExpectedFormats);
            }

            _skippedPreamble = true;
            return false;
        }

        _started = true;
        var isData = TimestampReader.LooksLikeTime(_fields.Field(line, 0)) && IsNumber(_fields.Field(line, 1));
        if (!isData)
        {
            ReadHeader(line, number);
            return false;
        }

        if (_requested == CandleFileFormat.BinanceKlines || (_requested == CandleFileFormat.Auto && _fields.Count == 12))
        {
            if (_fields.Count < 6)
            {
                ImportErrors.At(_path, $"line {number}", $"a Binance kline row has 12 columns, this one has {_fields.Count}", "Pass the file as downloaded from data.binance.vision (unzipped), or use --format csv.");
            }

            Format = CandleFileFormat.BinanceKlines;
        }
        else if (_fields.Count != 6)
        {
            ImportErrors.At(
                _path,
                $"line {number}",
                $"the file has no header and {_fields.Count} columns, so the columns cannot be told apart",
                _fields.Count == 12
                    ? "This looks like a Binance kline dump: read it with --format binance (or auto)."
                    : "Add a header row naming the columns (time, open, high, low, close, volume; others are ignored), or use six columns in that order.");
        }

        (_timeColumn, _openColumn, _highColumn, _lowColumn, _closeColumn, _volumeColumn) = (0, 1, 2, 3, 4, 5);
        _lastColumn = 5;
        return true;
    }

    private void ReadHeader(ReadOnlySpan<char> line, int number)
    {
        _headerLine = number;
        _header = new string[_fields.Count];
        var normalized = new string[_fields.Count];
        for (var i = 0; i < _fields.Count; i++)
        {
            _header[i] = _fields.Field(line, i).ToString();
            normalized[i] = CandleColumns.Normalize(_header[i]);
        }

        var columns = CandleColumns.Find(_header, out var missing);
        if (missing.Count > 0)
        {
            ImportErrors.At(
                _path,
                $"line {number}",
                $"the header has no {string.Join(", ", missing)} column (found: {string.Join(", ", Array.ConvertAll(_header, h => $"'{h}'"))})",
                CandleColumns.Accepted);
        }

        (_timeColumn, _openColumn, _highColumn, _lowColumn, _closeColumn, _volumeColumn) =
            (columns.Time, columns.Open, columns.High, columns.Low, columns.Close, columns.Volume);
        _lastColumn = columns.Last;
        if (_requested == CandleFileFormat.BinanceKlines || normalized.AsSpan().SequenceEqual(BinanceHeader))
        {
            Format = CandleFileFormat.BinanceKlines;
        }
    }

    private void ReadRow(ReadOnlySpan<char> line, int number)
    {
        _fields.Split(line, _delimiter);
        if (_fields.Count <= _lastColumn)
        {
            ImportErrors.At(
                _path,
                $"line {number}",
                $"the row has {_fields.Count} column{(_fields.Count == 1 ? "" : "s")}, but {ColumnName(_lastColumn)} is column {_lastColumn + 1}",
                $"Every row needs all the columns of the first row, separated by '{(_delimiter == '\t' ? "\\t" : _delimiter)}'.");
        }

        if (!_times.TryRead(_fields.Field(line, _timeColumn), out var time, out var problem))
        {
            ImportErrors.At(_path, $"line {number}", problem!, "Write times as ISO dates (2024-01-31, 2024-01-31T13:00:00Z; UTC unless an offset is given) or Unix epoch numbers, the same way on every row.");
        }

        var open = Number(line, _openColumn, "open", number);
        var high = Number(line, _highColumn, "high", number);
        var low = Number(line, _lowColumn, "low", number);
        var close = Number(line, _closeColumn, "close", number);
        var volume = Number(line, _volumeColumn, "volume", number);
        _rows.Add(time, open, high, low, close, volume, number);
    }

    private double Number(ReadOnlySpan<char> line, int column, string name, int number)
    {
        var cell = _fields.Field(line, column);
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // "1,5" in a semicolon or tab file is a decimal comma (a European spreadsheet export).
        if (_delimiter != ',' && cell.Contains(',') && !cell.Contains('.')
            && double.TryParse(cell, NumberStyles.Float, DecimalComma, out value))
        {
            return value;
        }

        ImportErrors.At(
            _path,
            $"line {number}",
            cell.IsEmpty ? $"{name} is empty" : $"{name} '{cell}' is not a number",
            $"The {name} column ({ColumnName(column)}) must hold a number on every row, e.g. 42150.5 (no thousands separators or currency signs).");
        return 0;
    }

    private string ColumnName(int column) =>
        column < _header.Length ? $"'{_header[column]}'" : column switch
        {
            0 => "time",
            1 => "open",
            2 => "high",
            3 => "low",
            4 => "close",
            5 => "volume",
            _ => $"column {column + 1}",
        };

    private static bool IsNumber(ReadOnlySpan<char> cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || double.TryParse(cell, NumberStyles.Float, DecimalComma, out _);
}
