namespace Tradewind.Storage;

/// <summary>What <see cref="IJobStore.RecoverStaleAsync"/> did.</summary>
public sealed record JobRecovery(int Requeued, int Failed);
