using Tradewind.Core;

namespace Tradewind.MarketData;

/// <summary>The configured market-data providers, one per exchange.</summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<ExchangeId, IMarketDataProvider> _providers = [];

    public ProviderRegistry(IEnumerable<IMarketDataProvider> providers)
    {
        foreach (var provider in providers)
        {
            if (!_providers.TryAdd(provider.Exchange, provider))
            {
                throw new ArgumentException(
                    $"Two market-data providers are registered for exchange '{provider.Exchange.Id()}'; register one per exchange.",
                    nameof(providers));
            }
        }

        var configured = new List<ExchangeId>(_providers.Count);
        foreach (var exchange in Exchanges.List)
        {
            if (_providers.ContainsKey(exchange))
            {
                configured.Add(exchange);
            }
        }

        Configured = configured;
    }

    /// <summary>Exchanges with a provider, in documentation order.</summary>
    public IReadOnlyList<ExchangeId> Configured { get; }

    public bool TryGet(ExchangeId exchange, out IMarketDataProvider provider) =>
        _providers.TryGetValue(exchange, out provider!);

    /// <summary>The provider of <paramref name="exchange"/>; UNKNOWN_EXCHANGE names the configured ones if there is none.</summary>
    public IMarketDataProvider Get(ExchangeId exchange)
    {
        if (_providers.TryGetValue(exchange, out var provider))
        {
            return provider;
        }

        var names = new string[Configured.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Configured[i].Id();
        }

        return ThrowHelper.Throw<IMarketDataProvider>(
            ErrorCode.UnknownExchange,
            $"No market-data provider is configured for exchange '{exchange.Id()}'.",
            names.Length == 0
                ? "No exchange is configured. The built-in 'sim' exchange needs no keys or network; enable it, or configure a real venue."
                : $"Configured exchanges: {string.Join(", ", names)}. Use one of them, or configure '{exchange.Id()}'.");
    }
}
