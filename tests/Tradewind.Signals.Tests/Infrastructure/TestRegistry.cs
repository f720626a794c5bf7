using Tradewind.Indicators;

namespace Tradewind.Signals.Tests.Infrastructure;

/// <summary>
/// The default registry, plus stand-ins for rsi, bbands, macd and atr where this branch's registry does not have them
/// yet. Stand-ins are only added under names the default registry lacks, so once the real indicators are registered
/// every test runs on them. Tests compare against the registry's own kernels, never against fixed numbers, so they
/// hold for either.
/// </summary>
public static class TestRegistry
{
    public static IndicatorRegistry Instance { get; } = Create();

    public static SignalCompilerOptions Options { get; } = new() { Registry = Instance };

    private static IndicatorRegistry Create()
    {
        var definitions = IndicatorRegistry.Default.All.ToList();
        foreach (var fallback in StandInIndicators.All)
        {
            if (!IndicatorRegistry.Default.TryGet(fallback.Name, out _))
            {
                definitions.Add(fallback);
            }
        }

        return new IndicatorRegistry(definitions);
    }
}
