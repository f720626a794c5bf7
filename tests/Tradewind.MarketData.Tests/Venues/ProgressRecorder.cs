namespace Tradewind.MarketData.Tests.Venues;

/// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them to a thread pool).</summary>
internal sealed class ProgressRecorder : IProgress<long>
{
    public List<long> Values { get; } = [];

    public void Report(long value) => Values.Add(value);
}
