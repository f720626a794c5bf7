using BenchmarkDotNet.Attributes;
using Tradewind.Core;
using Tradewind.MarketData.Storage;

namespace Tradewind.Benchmarks;

/// <summary>
/// The candle store's read path: one series of 1,000,000 one-minute bars (~1.9 years) in a real SQLite file.
/// Target: a full read under 100 ms.
/// Run: dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*CandleStore*' --job short
/// </summary>
[MemoryDiagnoser]
public class CandleStoreBenchmarks
{
    private const int Bars = 1_000_000;
    private static readonly Ticker Ticker = Ticker.Parse("BINANCE:BTC/USDT");
    private static readonly long Start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private string _directory = "";
    private SqliteCandleStore _store = null!;
    private long _end;
    private CandleSeries _tail = CandleSeries.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "tradewind-bench-" + Guid.NewGuid().ToString("N"));
        _store = new SqliteCandleStore(Path.Combine(_directory, "candles.db"));
        var series = Generate(Bars);
        _end = Start + (Bars * Timeframe.M1.NominalMilliseconds);
        _tail = series.Slice(Bars - 5, 5);
        _store.UpsertAsync(Ticker, Timeframe.M1, series, new(Start, _end), CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The whole series: the case the 100 ms budget is about.</summary>
    [Benchmark]
    public async Task<int> ReadMillionBars()
    {
        var series = await _store.ReadAsync(Ticker, Timeframe.M1, Start, _end, CancellationToken.None);
        return series.Count;
    }

    /// <summary>A typical chart request: the last 1,000 bars (two partial chunks).</summary>
    [Benchmark]
    public async Task<int> ReadLastThousandBars()
    {
        var series = await _store.ReadAsync(Ticker, Timeframe.M1, _end - (1000 * 60_000), _end, CancellationToken.None);
        return series.Count;
    }

    /// <summary>A live update: re-upsert the newest 5 bars (rewrites one chunk).</summary>
    [Benchmark]
    public async Task UpsertFiveNewestBars()
    {
        await _store.UpsertAsync(Ticker, Timeframe.M1, _tail, new(_tail.Time[0], _end), CancellationToken.None);
    }

    private static CandleSeries Generate(int count)
    {
        var random = new Random(42);
        var builder = new CandleSeriesBuilder(count);
        var price = 30_000.0;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = open * (1 + ((random.NextDouble() - 0.5) * 0.002));
            var high = Math.Max(open, close) * (1 + (random.NextDouble() * 0.001));
            var low = Math.Min(open, close) * (1 - (random.NextDouble() * 0.001));
            builder.Add(Start + (i * 60_000L), open, high, low, close, random.NextDouble() * 10);
            price = close;
        }

        return builder.Build();
    }
}
