using System.Globalization;
using System.Text.Json;

namespace Tradewind.Indicators.Tests.Infrastructure;

/// <summary>
/// The real series golden files are computed on; mirrors tools/golden/datasets.mjs (same files, same parsing).
/// </summary>
public sealed class Dataset
{
    private static readonly Dictionary<string, (string File, bool Json)> Files = new()
    {
        ["ft-30m"] = ("freqtrade-UNITTEST_BTC-30m.json", true),
        ["btc-1d"] = ("skender-bitcoin-1d.csv", false),
        ["spy-1d"] = ("skender-default-1d.csv", false),
    };

    private static readonly Dictionary<string, Dataset> Cache = [];
    private static readonly Lock CacheLock = new();

    private Dataset(string id, long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        Id = id;
        Time = time;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
    }

    public static IReadOnlyList<string> Ids => [.. Files.Keys];

    public string Id { get; }

    public long[] Time { get; }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public double[] Volume { get; }

    public int Length => Close.Length;

    public double[] Field(string name) => name switch
    {
        "open" => Open,
        "high" => High,
        "low" => Low,
        "close" => Close,
        "volume" => Volume,
        _ => throw new ArgumentException($"Unknown series '{name}'.", nameof(name)),
    };

    public double[] Field(InputKind kind) => kind switch
    {
        InputKind.Open => Open,
        InputKind.High => High,
        InputKind.Low => Low,
        InputKind.Close or InputKind.Real => Close,
        InputKind.Volume => Volume,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static Dataset Load(string id)
    {
        lock (CacheLock)
        {
            if (Cache.TryGetValue(id, out var cached))
            {
                return cached;
            }

            var (file, json) = Files[id];
            var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "data", file);
            var t = new List<long>();
            var o = new List<double>();
            var h = new List<double>();
            var l = new List<double>();
            var c = new List<double>();
            var v = new List<double>();
            if (json)
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                foreach (var row in doc.RootElement.EnumerateArray())
                {
                    t.Add(row[0].GetInt64());
                    o.Add(row[1].GetDouble());
                    h.Add(row[2].GetDouble());
                    l.Add(row[3].GetDouble());
                    c.Add(row[4].GetDouble());
                    v.Add(row[5].GetDouble());
                }
            }
            else
            {
                var lines = File.ReadAllLines(path).Where(x => x.Trim().Length > 0).ToArray();
                var header = lines[0].ToLowerInvariant().Split(',');
                int Col(string n) => Array.IndexOf(header, n);
                foreach (var line in lines.Skip(1))
                {
                    var f = line.Split(',');
                    t.Add(DateTimeOffset.Parse(f[Col("date")] + "T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
                    o.Add(double.Parse(f[Col("open")], CultureInfo.InvariantCulture));
                    h.Add(double.Parse(f[Col("high")], CultureInfo.InvariantCulture));
                    l.Add(double.Parse(f[Col("low")], CultureInfo.InvariantCulture));
                    c.Add(double.Parse(f[Col("close")], CultureInfo.InvariantCulture));
                    v.Add(double.Parse(f[Col("volume")], CultureInfo.InvariantCulture));
                }
            }

            var ds = new Dataset(id, [.. t], [.. o], [.. h], [.. l], [.. c], [.. v]);
            Cache[id] = ds;
            return ds;
        }
    }
}
