using BenchmarkDotNet.Attributes;
using Tradewind.Core;
using Tradewind.MarketData.Sim;

namespace Tradewind.Benchmarks;

/// <summary>
/// Cost of the sim venue's generator. <see cref="MinuteBar"/> reports nanoseconds per 1m bar (a whole day is
/// generated per invocation, spot, with its market path); the others are what a user's request costs.
/// Run: dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*SimBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class SimBenchmarks
{
    private static readonly Ticker Btc = Ticker.Parse("SIM:BTC/USDT");
    private static readonly Ticker BtcPerp = Ticker.Parse("SIM:BTC/USDT:USDT");
    private static readonly long From2024 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly long From2025 = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private SimMarketDataProvider _provider = null!;
    private SimDayGenerator _generator = null!;
    private int _day;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new SimMarketDataProvider();
        _generator = _provider.CreateGenerator(SimUniverse.Symbols[0], perpetual: false, lastDay: 4000);
        _day = 3287; // 2024-01-01
    }

    /// <summary>One (symbol, day): 1440 minute bars. Divided by 1440, so the figure is per bar.</summary>
    [Benchmark(OperationsPerInvoke = 1440)]
    public double MinuteBar()
    {
        // A different day each time: the generator skips a day it already holds.
        _day = _day == 3650 ? 3287 : _day + 1;
        _generator.Generate(_day);
        return _generator.Close[1439];
    }

    [Benchmark]
    public Task<CandleSeries> YearOf1mBars() =>
        _provider.GetCandlesAsync(Btc, Timeframe.M1, From2024, From2025, null, CancellationToken.None);

    [Benchmark]
    public Task<CandleSeries> YearOf1hBars() =>
        _provider.GetCandlesAsync(Btc, Timeframe.H1, From2024, From2025, null, CancellationToken.None);

    [Benchmark]
    public Task<CandleSeries> YearOf1hPerpBars() =>
        _provider.GetCandlesAsync(BtcPerp, Timeframe.H1, From2024, From2025, null, CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<FundingRate>> YearOfFunding() =>
        _provider.GetFundingRatesAsync(BtcPerp, From2024, From2025, CancellationToken.None);
}
