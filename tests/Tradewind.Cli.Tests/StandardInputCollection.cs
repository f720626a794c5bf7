namespace Tradewind.Cli.Tests;

/// <summary>Tests that replace <see cref="Console.In"/> run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StandardInputCollection
{
    public const string Name = "standard input";
}
