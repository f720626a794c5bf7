using System.Text;

namespace Tradewind.MarketData.Import;

/// <summary>
/// Finds the time and OHLCV columns among a file's column names (CSV header, Parquet schema). Names are compared
/// lower-case with everything but letters and digits removed, so "Open Time", "open_time" and "OPENTIME" are one name.
/// </summary>
internal sealed record CandleColumns(int Time, int Open, int High, int Low, int Close, int Volume)
{
    public const int None = -1;

    public const string Accepted =
        "Name the columns time (or date, timestamp, open_time, datetime), open (o), high (h), low (l), close (c, or adj close) "
        + "and volume (vol, v), in any order and case; other columns are ignored.";

    private static readonly string[] TimeNames =
    [
        "time", "date", "timestamp", "opentime", "datetime", "t", "ts", "unix", "unixtime", "dateutc", "timeutc",
        "datetimeutc", "timestamputc", "starttime", "opentimestamp",
    ];

    private static readonly string[] OpenNames = ["open", "o", "openprice"];
    private static readonly string[] HighNames = ["high", "h", "highprice"];
    private static readonly string[] LowNames = ["low", "l", "lowprice"];
    private static readonly string[] CloseNames = ["close", "c", "closeprice"];
    private static readonly string[] AdjCloseNames = ["adjclose", "adjustedclose"];
    private static readonly string[] VolumeNames = ["volume", "vol", "v", "basevolume"];

    /// <summary>The highest column index used.</summary>
    public int Last => Math.Max(Math.Max(Math.Max(Time, Open), Math.Max(High, Low)), Math.Max(Close, Volume));

    /// <summary>Maps column names; <paramref name="missing"/> lists the roles no column plays.</summary>
    public static CandleColumns Find(IReadOnlyList<string> names, out List<string> missing)
    {
        var normalized = new string[names.Count];
        for (var i = 0; i < normalized.Length; i++)
        {
            normalized[i] = Normalize(names[i]);
        }

        var time = IndexOf(normalized, TimeNames);
        if (time == None && normalized.Length > 0 && normalized[0].Length == 0)
        {
            // pandas writes its index (the dates) under an empty first header cell.
            time = 0;
        }

        var close = IndexOf(normalized, CloseNames);
        if (close == None)
        {
            close = IndexOf(normalized, AdjCloseNames);
        }

        var volume = IndexOf(normalized, VolumeNames);
        if (volume == None)
        {
            // "Volume BTC", "volume_usd": the first column named volume-something.
            volume = Array.FindIndex(normalized, n => n.StartsWith("volume", StringComparison.Ordinal));
        }

        var columns = new CandleColumns(time, IndexOf(normalized, OpenNames), IndexOf(normalized, HighNames), IndexOf(normalized, LowNames), close, volume);
        missing = [];
        AddIfMissing(missing, columns.Time, "time");
        AddIfMissing(missing, columns.Open, "open");
        AddIfMissing(missing, columns.High, "high");
        AddIfMissing(missing, columns.Low, "low");
        AddIfMissing(missing, columns.Close, "close");
        AddIfMissing(missing, columns.Volume, "volume");
        return columns;
    }

    public static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }

    private static int IndexOf(string[] normalized, string[] names)
    {
        foreach (var name in names)
        {
            var index = Array.IndexOf(normalized, name);
            if (index >= 0)
            {
                return index;
            }
        }

        return None;
    }

    private static void AddIfMissing(List<string> missing, int column, string name)
    {
        if (column == None)
        {
            missing.Add(name);
        }
    }
}
