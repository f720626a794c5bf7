namespace Tradewind.Indicators;

/// <summary>One input of an indicator: a name for docs and the DSL, and what it reads.</summary>
public sealed record InputSpec(string Name, InputKind Kind);
