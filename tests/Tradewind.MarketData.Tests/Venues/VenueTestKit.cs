using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Tradewind.MarketData.Tests.Infrastructure;
using Tradewind.MarketData.Venues;

namespace Tradewind.MarketData.Tests.Venues;

/// <summary>
/// What every venue test uses: one HttpClient, fixture files, times, a fake clock that is pushed forward while a call
/// runs, and small waits on the fake venue.
/// </summary>
internal static class VenueTestKit
{
    /// <summary>2024-01-01T00:00:00Z, a Monday.</summary>
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One client for every test, as HttpClient is meant to be used; providers never dispose it.</summary>
    public static HttpClient Http { get; } = new();

    public static long StartMs => Start.ToUnixTimeMilliseconds();

    /// <summary>A file of tests/fixtures/venues/<paramref name="venue"/> (see PROVENANCE.md there).</summary>
    public static string Fixture(string venue, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "venues", venue, name));

    /// <summary>A fake venue's JSON answer.</summary>
    public static IResult Json(string body) => Results.Text(body, "application/json");

    public static VenueEndpoint Endpoint(Uri baseUrl) => new() { BaseUrl = baseUrl };

    public static VenueEndpoint Endpoint(LoopbackVenueServer server) => Endpoint(server.BaseUrl);

    /// <summary>Unix milliseconds of an ISO-8601 UTC time.</summary>
    public static long Ms(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    public static FakeTimeProvider Clock(DateTimeOffset? at = null) => new(at ?? Start);

    public static FakeTimeProvider Clock(string iso) => new(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture));

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
