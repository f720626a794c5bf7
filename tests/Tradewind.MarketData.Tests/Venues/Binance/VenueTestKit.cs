using Microsoft.Extensions.Time.Testing;
using Tradewind.MarketData.Tests.Infrastructure;

namespace Tradewind.MarketData.Tests.Venues.Binance;

/// <summary>Fixture files, a fake clock that is pushed forward while a call runs, and small waits on the fake venue.</summary>
internal static class VenueTestKit
{
    /// <summary>2024-01-01T00:00:00Z, a Monday.</summary>
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static long StartMs => Start.ToUnixTimeMilliseconds();

    public static string Fixture(string venue, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "venues", venue, name));

    public static FakeTimeProvider Clock(DateTimeOffset? at = null) => new(at ?? Start);

    /// <summary>
    /// Awaits <paramref name="task"/>, moving <paramref name="clock"/> forward by <paramref name="step"/> whenever the
    /// task is idle, so back-off and pacing waits pass in fake time instead of real time.
    /// </summary>
    public static async Task<T> AdvanceUntilDone<T>(Task<T> task, FakeTimeProvider clock, TimeSpan step)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The call did not finish within 30 s of real time.");
            }

            await Task.WhenAny(task, Task.Delay(15));
            if (!task.IsCompleted)
            {
                clock.Advance(step);
            }
        }

        return await task;
    }

    /// <summary>Waits in real time (at most 10 s) until the server has received <paramref name="count"/> requests.</summary>
    public static async Task WaitForRequests(LoopbackVenueServer server, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.Requests.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} requests, the server saw {server.Requests.Count}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits in real time (at most 10 s) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Gave up waiting until " + what + ".");
            }

            await Task.Delay(10);
        }
    }

    public static List<string> Paths(LoopbackVenueServer server) => server.Requests.Select(r => r.PathAndQuery).ToList();
}

/// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them to a thread pool).</summary>
internal sealed class ProgressRecorder : IProgress<long>
{
    public List<long> Values { get; } = [];

    public void Report(long value) => Values.Add(value);
}
