using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Tradewind.Benchmarks;

/// <summary>
/// A short job run in the host process: no per-benchmark project build (which times out on a loaded 2-core
/// machine), 2 warm-up and 5 measured iterations. Enough for ns/bar figures compared as ratios in one session.
/// </summary>
public sealed class InProcessShortConfig : ManualConfig
{
    public InProcessShortConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5));
    }
}
