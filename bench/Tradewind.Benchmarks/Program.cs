using BenchmarkDotNet.Running;

// Run one suite: dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*Indicator*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point marker for BenchmarkSwitcher.</summary>
internal sealed partial class Program;
