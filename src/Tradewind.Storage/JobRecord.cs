namespace Tradewind.Storage;

/// <summary>
/// One background job (a backtest, later others). <see cref="Payload"/> is the request as JSON; the worker that runs
/// it writes a heartbeat so a job whose process died can be found and run again.
/// </summary>
public sealed record JobRecord
{
    public string Id { get; init; } = string.Empty;

    /// <summary>What runs it, e.g. <c>backtest</c>.</summary>
    public string Kind { get; init; } = string.Empty;

    public string? OwnerKeyId { get; init; }

    public string Status { get; init; } = JobStatus.Queued;

    public string Payload { get; init; } = "{}";

    /// <summary>0..1.</summary>
    public double Progress { get; init; }

    public string? ResultId { get; init; }

    /// <summary>Why it failed or was cancelled; null otherwise.</summary>
    public string? Message { get; init; }

    /// <summary>How many times a worker has started it.</summary>
    public long Attempts { get; init; }

    public string? WorkerId { get; init; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; init; }

    public long? StartedAt { get; init; }

    public long? FinishedAt { get; init; }

    public long? HeartbeatAt { get; init; }
}
