namespace Tradewind.Signals.Compilation;

/// <summary>
/// One vector operation of a plan: reads whole columns, writes whole columns. Steps hold no per-run state, so one
/// plan serves any number of runs, concurrently.
/// </summary>
internal abstract class PlanStep(int[] inputs, int[] outputs, int context)
{
    /// <summary>Slots read (constants are not slots).</summary>
    public int[] Inputs { get; } = inputs;

    /// <summary>Slots written.</summary>
    public int[] Outputs { get; } = outputs;

    /// <summary>The context whose bars the outputs are indexed by.</summary>
    public int Context { get; } = context;

    /// <summary>True for steps that run a kernel over the data (counted in statistics; aliases and fills are not).</summary>
    public virtual bool IsKernel => true;

    public abstract void Execute(ExecutionFrame frame);

    /// <summary>One line for plan listings, e.g. <c>s3 = sma(s0; 20)</c>.</summary>
    public abstract string Describe();
}
