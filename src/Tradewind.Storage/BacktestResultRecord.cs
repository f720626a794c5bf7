namespace Tradewind.Storage;

/// <summary>A finished backtest: its report as JSON (the shape of <c>Tradewind.Research.Reports.BacktestReport</c>) and the job that produced it.</summary>
public sealed record BacktestResultRecord
{
    public string Id { get; init; } = string.Empty;

    public string JobId { get; init; } = string.Empty;

    public string? OwnerKeyId { get; init; }

    public long CreatedAt { get; init; }

    public string Report { get; init; } = "{}";
}
