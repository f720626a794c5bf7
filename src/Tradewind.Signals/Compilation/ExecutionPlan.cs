using System.Text;
using Tradewind.Signals.Binding;

namespace Tradewind.Signals.Compilation;

/// <summary>
/// A compiled script: vector steps in dependency order over numbered columns (slots), the bar-by-bar program for
/// what reads position state, and the emits or results that read them. Immutable and shareable between runs.
/// </summary>
internal sealed class ExecutionPlan
{
    public required BoundScript Script { get; init; }

    public required IReadOnlyList<ContextSpec> Contexts { get; init; }

    public required PlanStep[] Steps { get; init; }

    public required SlotInfo[] Slots { get; init; }

    /// <summary>Index of the last step that reads each slot (-1: only read after the steps, or never).</summary>
    public required int[] LastUse { get; init; }

    /// <summary>Slots read after the vector steps (by emits, the bar-by-bar program or results): kept for the whole run.</summary>
    public required bool[] Pinned { get; init; }

    /// <summary>Pinned slots read only as emit conditions: computed in pooled scratch, kept as a bitset.</summary>
    public required bool[] Packed { get; init; }

    public required ScalarInstruction[] Scalar { get; init; }

    public required int RegisterCount { get; init; }

    public required EmitPlan[] Emits { get; init; }

    public required Operand[] Results { get; init; }

    public required string[] ResultNames { get; init; }

    public required bool ResultIsBool { get; init; }

    public required HistoryCheck[] HistoryChecks { get; init; }

    /// <summary>The most bars any history check needs on the run's own context (context 0).</summary>
    public int WarmUpBars
    {
        get
        {
            var most = 0;
            foreach (var check in HistoryChecks)
            {
                if (check.Context == 0 && check.BarsNeeded > most)
                {
                    most = check.BarsNeeded;
                }
            }

            return most;
        }
    }

    /// <summary>Checks per producing step index, so a column can be scanned before it is recycled.</summary>
    public required Dictionary<int, List<TradableCheck>> TradableByStep { get; init; }

    public required bool[] ContextNeedsFunding { get; init; }

    public bool ReadsPortfolio => Scalar.Length > 0;

    public int KernelStepCount => Steps.Count(s => s.IsKernel);

    public string Describe()
    {
        var sb = new StringBuilder();
        foreach (var c in Contexts)
        {
            sb.Append('@').Append(c.Id).Append(": ").AppendLine(c.Describe());
        }

        foreach (var step in Steps)
        {
            sb.AppendLine(step.Describe());
        }

        if (Scalar.Length > 0)
        {
            sb.Append("bar by bar: ").Append(Scalar.Length).AppendLine(" instruction(s)");
        }

        return sb.ToString();
    }
}
