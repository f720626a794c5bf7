using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Tradewind.Core;

namespace Tradewind.MarketData.Import;

/// <summary>How a row of a file is named in messages.</summary>
internal enum RowLocation
{
    /// <summary>"line 12" (CSV).</summary>
    Line,

    /// <summary>"line 3 (candle 12)" (JSON, where many candles share a line).</summary>
    JsonCandle,

    /// <summary>"row 12" (Parquet).</summary>
    Row,
}

/// <summary>
/// Rows read from a file, with where each came from. <see cref="Add"/> checks each bar as it arrives (prices, order);
/// <see cref="Finish"/> infers the timeframe, checks every bar against it and finds the gaps. Every error names the
/// file and the row.
/// </summary>
internal sealed class ParsedCandles(string path, RowLocation location)
{
    private const long Day = 86_400_000;

    private long[] _time = new long[1024];
    private double[] _open = new double[1024];
    private double[] _high = new double[1024];
    private double[] _low = new double[1024];
    private double[] _close = new double[1024];
    private double[] _volume = new double[1024];
    private int[] _line = new int[1024];
    private int _direction;
    private bool _reversed;

    public string Path { get; } = path;

    public int Count { get; private set; }

    public void Add(long time, double open, double high, double low, double close, double volume, int line)
    {
        CheckPrice("open", open, line);
        CheckPrice("high", high, line);
        CheckPrice("low", low, line);
        CheckPrice("close", close, line);
        if (high < low)
        {
            Fail(line, Count, $"high {Show(high)} is below low {Show(low)}", "Check the column order and values: a bar's high must be its highest price.");
        }

        if (high < Math.Max(open, close))
        {
            var (name, value) = open > close ? ("open", open) : ("close", close);
            Fail(line, Count, $"high {Show(high)} is below the {name} {Show(value)}", "A bar's high must be at least its open and close.");
        }

        if (low > Math.Min(open, close))
        {
            var (name, value) = open < close ? ("open", open) : ("close", close);
            Fail(line, Count, $"low {Show(low)} is above the {name} {Show(value)}", "A bar's low must be at most its open and close.");
        }

        if (!double.IsFinite(volume) || volume < 0)
        {
            Fail(line, Count, $"volume {Show(volume)} is not a number >= 0", "Volumes are finite and never negative; write 0 when unknown.");
        }

        if (Count > 0)
        {
            var previous = _time[Count - 1];
            if (time == previous)
            {
                Fail(line, Count, $"time {TimeFormat.ToIso(time)} repeats {Locate(Count - 1)}", "Each bar must appear once: remove the duplicate rows.");
            }

            var direction = time > previous ? 1 : -1;
            if (_direction == 0)
            {
                _direction = direction;
            }
            else if (direction != _direction)
            {
                Fail(
                    line,
                    Count,
                    $"time {TimeFormat.ToIso(time)} is {(direction < 0 ? "before" : "after")} {TimeFormat.ToIso(previous)} on {Locate(Count - 1)}, but the rows before are {(_direction > 0 ? "oldest" : "newest")} first",
                    "Sort the rows by time (oldest first).");
            }
        }

        if (Count == _time.Length)
        {
            Grow();
        }

        _time[Count] = time;
        _open[Count] = open;
        _high[Count] = high;
        _low[Count] = low;
        _close[Count] = close;
        _volume[Count] = volume;
        _line[Count] = line;
        Count++;
    }

    /// <summary>
    /// Orders the bars oldest first, fixes the timeframe (inferred from the most common spacing, or
    /// <paramref name="timeframe"/> when the spacing names none), and checks every bar lies on that timeframe's grid.
    /// </summary>
    public CandleFileContent Finish(Timeframe? timeframe)
    {
        var newestFirst = _direction < 0;
        if (newestFirst)
        {
            _reversed = true;
            Array.Reverse(_time, 0, Count);
            Array.Reverse(_open, 0, Count);
            Array.Reverse(_high, 0, Count);
            Array.Reverse(_low, 0, Count);
            Array.Reverse(_close, 0, Count);
            Array.Reverse(_volume, 0, Count);
            Array.Reverse(_line, 0, Count);
        }

        var (inferred, interval) = Infer();
        var chosen = inferred ?? timeframe;
        if (chosen is null)
        {
            if (Count == 1)
            {
                ImportErrors.InFile(Path, "it has a single bar, so its timeframe cannot be inferred", $"Pass the timeframe explicitly (one of {Timeframe.ValidNames}).");
            }

            var (i, _) = FirstWithSpacing(interval);
            Fail(
                _line[i + 1],
                i + 1,
                $"bars are {Human(interval)} apart (from {Locate(i)}, the most common spacing), and {Human(interval)} is not a Tradewind timeframe",
                $"Tradewind timeframes: {Timeframe.ValidNames}. Resample the file to one of them first.");
        }

        var tf = chosen.Value;
        CheckGrid(tf);
        var gaps = new List<TimeRange>();
        long missing = 0;
        for (var i = 1; i < Count; i++)
        {
            var expected = tf.Next(_time[i - 1]);
            if (expected < _time[i])
            {
                gaps.Add(new TimeRange(expected, _time[i]));
                missing += tf.CountBars(expected, _time[i]);
            }
        }

        var series = new CandleSeries(Trim(_time), Trim(_open), Trim(_high), Trim(_low), Trim(_close), Trim(_volume));
        return new CandleFileContent(series, tf, inferred is not null, gaps, missing, newestFirst);
    }

    /// <summary>Names row <paramref name="index"/> the way this file's format counts rows.</summary>
    public string Locate(int index) => Where(_line[index], OriginalIndex(index));

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A duration the way traders write it: 1m, 4h, 1d, 1h30m, 45s.</summary>
    private static string Human(long ms)
    {
        if (ms <= 0)
        {
            return $"{ms}ms";
        }

        var text = new StringBuilder();
        foreach (var (unit, size) in new[] { ("d", Day), ("h", 3_600_000L), ("m", 60_000L), ("s", 1000L), ("ms", 1L) })
        {
            if (ms >= size)
            {
                text.Append(CultureInfo.InvariantCulture, $"{ms / size}{unit}");
                ms %= size;
            }
        }

        return text.ToString();
    }

    private static string Boundary(Timeframe tf) => tf.Name switch
    {
        "1m" => "1m bars open at whole minutes",
        "5m" or "15m" or "30m" => $"{tf} bars open at minutes divisible by {tf.NominalMilliseconds / 60_000}",
        "1h" => "1h bars open on the hour",
        "4h" => "4h bars open at 00:00, 04:00, ... 20:00 UTC",
        "1d" => "1d bars open at 00:00 UTC",
        "1w" => "1w bars open on Monday 00:00 UTC",
        _ => "1M bars open on the 1st of the month 00:00 UTC",
    };

    private void CheckPrice(string name, double value, int line)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            Fail(line, Count, $"{name} {Show(value)} is not a positive price", "Prices must be finite numbers above 0.");
        }
    }

    /// <summary>
    /// The timeframe whose bar length is the most common spacing (ties: the shorter), or, for sparse files whose most
    /// common spacing is a multiple, the shortest spacing. Months are recognised by calendar alignment.
    /// </summary>
    private (Timeframe? Timeframe, long MostCommon) Infer()
    {
        if (Count < 2)
        {
            return (null, 0);
        }

        var deltas = new long[Count - 1];
        for (var i = 1; i < Count; i++)
        {
            deltas[i - 1] = _time[i] - _time[i - 1];
        }

        Array.Sort(deltas);
        long mode = deltas[0], run = 0, best = 0;
        for (var i = 0; i < deltas.Length; i++)
        {
            run = i > 0 && deltas[i] == deltas[i - 1] ? run + 1 : 1;
            if (run > best)
            {
                best = run;
                mode = deltas[i];
            }
        }

        var fromMode = ByLength(mode);
        if (fromMode is not null)
        {
            return (fromMode, mode);
        }

        // Sparse files (e.g. a bar every other hour at most places): the shortest spacing may still be a timeframe
        // that all the others are whole multiples of; CheckGrid verifies that.
        return (ByLength(deltas[0]), mode);
    }

    private Timeframe? ByLength(long ms)
    {
        foreach (var tf in Timeframe.All)
        {
            if (!tf.IsCalendarMonth && tf.NominalMilliseconds == ms)
            {
                return tf;
            }
        }

        if (ms is >= 28 * Day and <= 31 * Day && Timeframe.Month1.IsAligned(_time[0]))
        {
            return Timeframe.Month1;
        }

        return null;
    }

    private (int Index, long Spacing) FirstWithSpacing(long spacing)
    {
        for (var i = 1; i < Count; i++)
        {
            if (_time[i] - _time[i - 1] == spacing)
            {
                return (i - 1, spacing);
            }
        }

        return (0, spacing);
    }

    /// <summary>Every bar on the timeframe's grid: spacing a whole number of bars, open times on its boundaries.</summary>
    private void CheckGrid(Timeframe tf)
    {
        for (var i = 0; i < Count; i++)
        {
            var t = _time[i];
            if (i > 0 && !tf.IsCalendarMonth && (t - _time[i - 1]) % tf.NominalMilliseconds != 0)
            {
                Fail(
                    _line[i],
                    i,
                    $"time {TimeFormat.ToIso(t)} is {Human(t - _time[i - 1])} after the previous bar ({Locate(i - 1)}), not a whole number of the file's {tf} bars",
                    "A file holds one timeframe: missing bars are fine, but every bar must be a whole number of bars after the one before. Remove the stray rows or resample the file.");
            }

            if (!tf.IsAligned(t))
            {
                Fail(
                    _line[i],
                    i,
                    $"time {TimeFormat.ToIso(t)} is not on a {tf} boundary ({Boundary(tf)})",
                    "Tradewind reads times as UTC and expects bars to open on UTC boundaries. Convert the times to UTC open times, or resample the file.");
            }
        }
    }

    /// <summary>Position of row <paramref name="index"/> in the file (rows of a newest-first file were reversed).</summary>
    private int OriginalIndex(int index) => _reversed ? Count - 1 - index : index;

    private string Where(int line, int ordinal) => location switch
    {
        RowLocation.JsonCandle => $"line {line} (candle {ordinal + 1})",
        RowLocation.Row => $"row {line}",
        _ => $"line {line}",
    };

    [DoesNotReturn]
    private void Fail(int line, int index, string problem, string suggestion) =>
        ImportErrors.At(Path, Where(line, OriginalIndex(index)), problem, suggestion);

    private T[] Trim<T>(T[] column) => column.Length == Count ? column : column.AsSpan(0, Count).ToArray();

    private void Grow()
    {
        var size = _time.Length * 2;
        Array.Resize(ref _time, size);
        Array.Resize(ref _open, size);
        Array.Resize(ref _high, size);
        Array.Resize(ref _low, size);
        Array.Resize(ref _close, size);
        Array.Resize(ref _volume, size);
        Array.Resize(ref _line, size);
    }
}
