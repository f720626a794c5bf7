namespace Tradewind.Server.Hosting;

/// <summary>When this server process started, for uptime.</summary>
public sealed class ServerClock(TimeProvider time)
{
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}
