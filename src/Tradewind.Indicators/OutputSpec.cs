namespace Tradewind.Indicators;

/// <summary>One output of an indicator. Multi-output indicators are read in the DSL as <c>bbands(...).upper</c>.</summary>
public sealed record OutputSpec(string Name, string Description);
