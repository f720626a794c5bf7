using System.Globalization;
using Tradewind.Core;
using Tradewind.MarketData;
using Tradewind.MarketData.Import;
using Tradewind.MarketData.Storage;
using Tradewind.Research;

namespace Tradewind.Cli.Commands;

/// <summary>
/// The research data one scan, rank or backtest reads: the candle store under the data directory (fetching what it
/// lacks, sim by default), or a single candle file given with <c>--data</c>, held in memory under one ticker with
/// the file's own timeframe.
/// </summary>
internal sealed class ResearchSession : IDisposable
{
    private readonly SqliteCandleStore? _store;
    private readonly HttpClient? _http;

    private ResearchSession(IResearchData data, IReadOnlyList<Ticker> universe, Timeframe timeframe, CandleFile? file, SqliteCandleStore? store, HttpClient? http)
    {
        Data = data;
        Universe = universe;
        Timeframe = timeframe;
        File = file;
        _store = store;
        _http = http;
    }

    public IResearchData Data { get; }

    public IReadOnlyList<Ticker> Universe { get; }

    public Timeframe Timeframe { get; }

    /// <summary>The <c>--data</c> file, or null when the data comes from the store.</summary>
    public CandleFile? File { get; }

    /// <summary>
    /// Opens the data source. <paramref name="asOfMs"/> freezes "now" for the store (only bars closed by then exist),
    /// so a scan can be repeated exactly; null is the real clock.
    /// </summary>
    public static async Task<ResearchSession> OpenAsync(string command, ResearchInputs inputs, long? asOfMs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.DataFile is { } path
            ? await OpenFileAsync(command, inputs, path, asOfMs, ct)
            : OpenStore(command, inputs, asOfMs);
    }

    private static async Task<ResearchSession> OpenFileAsync(string command, ResearchInputs inputs, string path, long? asOfMs, CancellationToken ct)
    {
        if (asOfMs is not null)
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, "--at applies to the store; with --data the latest bar is the file's last bar.", "Drop --at, or drop --data to read the store.");
        }

        if (inputs.Universe.Count > 1)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                string.Create(CultureInfo.InvariantCulture, $"--data holds one series, but --universe lists {inputs.Universe.Count} tickers ({string.Join(", ", inputs.Universe)})."),
                $"Give at most one --universe entry to name the file's series (or --ticker), or drop --data to {command} the store.");
        }

        var named = inputs.Ticker ?? (inputs.Universe.Count == 1 ? inputs.Universe[0] : null);
        if (inputs.Ticker is not null && inputs.Universe.Count == 1
            && ResolveUniverse([inputs.Ticker], inputs.Exchange, "--ticker", 1)[0] != ResolveUniverse(inputs.Universe, inputs.Exchange, "--universe", 1)[0])
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"--ticker {inputs.Ticker} and --universe {inputs.Universe[0]} name the --data series differently.",
                "Give one of them.");
        }

        var ticker = named is null ? Ticker.Parse(ResearchOptions.DefaultDataTicker) : ResolveUniverse([named], inputs.Exchange, inputs.Ticker is null ? "--universe" : "--ticker", 1)[0];
        var file = await CandleFileReader.ReadAsync(path, CandleFileFormat.Auto, null, ct);
        if (inputs.Timeframe is { } text && Core.Timeframe.Parse(text) != file.Timeframe)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"--timeframe {text} does not match {path}, whose bars are {file.Timeframe} apart.",
                $"Drop --timeframe (a file's timeframe is inferred), or give --timeframe {file.Timeframe}.");
        }

        var data = new InMemoryResearchData().Add(ticker, file.Timeframe, file.Candles);
        return new ResearchSession(data, [ticker], file.Timeframe, file, null, null);
    }

    private static ResearchSession OpenStore(string command, ResearchInputs inputs, long? asOfMs)
    {
        if (inputs.Ticker is not null)
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, "--ticker only names the series of a --data file.", "Without --data, list the tickers with --universe.");
        }

        if (inputs.Universe.Count == 0)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"{command} needs --universe (the tickers to read from the store), or --data FILE.",
                "Example: --universe SIM:BTC/USDT,SIM:ETH/USDT (or --universe BTC/USDT,ETH/USDT --exchange sim).");
        }

        if (inputs.Timeframe is null)
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"{command} needs --timeframe when reading the store.", $"Valid timeframes: {Core.Timeframe.ValidNames}. Example: --timeframe 1h.");
        }

        var universe = ResolveUniverse(inputs.Universe, inputs.Exchange, "--universe", inputs.MaxTickers);
        var timeframe = Core.Timeframe.Parse(inputs.Timeframe);
        var time = asOfMs is { } at ? new FixedTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(at)) : TimeProvider.System;
        var directory = DataDirectory.Resolve(inputs.DataDir).EnsureExists();
        var http = new HttpClient();
        var store = new SqliteCandleStore(directory);
        try
        {
            var providers = DefaultProviders.Create(http, new MarketDataSettings(), time);
            var data = new StoreResearchData(new CandleService(store, providers, time), providers, time);
            return new ResearchSession(data, universe, timeframe, null, store, http);
        }
        catch
        {
            store.Dispose();
            http.Dispose();
            throw;
        }
    }

    /// <summary>Full tickers stand as written; plain BASE/QUOTE entries are on <paramref name="exchange"/>, or on sim when it is not given.</summary>
    internal static IReadOnlyList<Ticker> ResolveUniverse(IReadOnlyList<string> entries, string? exchange, string field, int maxTickers) =>
        Research.Universe.Parse(entries, string.IsNullOrWhiteSpace(exchange) ? ExchangeId.Sim : Exchanges.Parse(exchange), field, maxTickers);

    public void Dispose()
    {
        _store?.Dispose();
        _http?.Dispose();
    }

    /// <summary>A clock stopped at one instant: "the latest bars" are the ones closed by then.</summary>
    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
