using Tradewind.Indicators;

namespace Tradewind.Signals;

/// <summary>What a compilation may call and how far it may go.</summary>
public sealed record SignalCompilerOptions
{
    public static SignalCompilerOptions Default { get; } = new();

    /// <summary>The indicators scripts can call, by name and alias.</summary>
    public IndicatorRegistry Registry { get; init; } = IndicatorRegistry.Default;

    public DslLimits Limits { get; init; } = DslLimits.Default;

    /// <summary>Clock for the evaluation time budget.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
