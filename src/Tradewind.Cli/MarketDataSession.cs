using Tradewind.Core;
using Tradewind.MarketData;
using Tradewind.MarketData.Storage;

namespace Tradewind.Cli;

/// <summary>The candle store under the data directory, the venue providers, and fetch-on-demand, for one command.</summary>
internal sealed class MarketDataSession : IDisposable
{
    private readonly HttpClient _http;

    private MarketDataSession(DataDirectory directory, MarketDataSettings settings)
    {
        Directory = directory.EnsureExists();
        _http = new HttpClient();
        Store = new SqliteCandleStore(Directory);
        Providers = DefaultProviders.Create(_http, settings, TimeProvider.System);
        Candles = new CandleService(Store, Providers, TimeProvider.System);
    }

    public DataDirectory Directory { get; }

    public SqliteCandleStore Store { get; }

    public ProviderRegistry Providers { get; }

    public CandleService Candles { get; }

    public static MarketDataSession Open(string? dataDir, MarketDataSettings? settings = null) =>
        new(DataDirectory.Resolve(dataDir), settings ?? new MarketDataSettings());

    /// <summary>Settings with one venue's base URL replaced (the <c>--base-url</c> option).</summary>
    public static MarketDataSettings WithBaseUrl(ExchangeId exchange, string? baseUrl)
    {
        var settings = new MarketDataSettings();
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return settings;
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"--base-url '{baseUrl}' is not an http(s) URL.", "Example: --base-url https://testnet.binance.vision");
        }

        return exchange switch
        {
            ExchangeId.Binance => settings with { BinanceBaseUrl = uri },
            ExchangeId.BinanceFuturesUsd => settings with { BinanceFuturesUsdBaseUrl = uri },
            ExchangeId.Upbit => settings with { UpbitBaseUrl = uri },
            ExchangeId.Hyperliquid => settings with { HyperliquidBaseUrl = uri },
            ExchangeId.Lighter => settings with { LighterBaseUrl = uri },
            ExchangeId.Polymarket => settings with { PolymarketClobBaseUrl = uri },
            _ => ThrowHelper.Throw<MarketDataSettings>(ErrorCode.ValidationError, "The sim venue has no base URL.", "Drop --base-url for --exchange sim."),
        };
    }

    public void Dispose()
    {
        Store.Dispose();
        _http.Dispose();
    }
}
