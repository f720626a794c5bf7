using Tradewind.Signals.Compilation;
using Tradewind.Signals.Runtime;

namespace Tradewind.Signals;

/// <summary>
/// A strategy script compiled to a vector plan. Compile once, then <see cref="PrepareAsync"/> it over each ticker's
/// data; the plan is immutable and can be prepared concurrently.
/// </summary>
public sealed class CompiledScript
{
    private readonly ExecutionPlan _plan;
    private readonly SignalCompilerOptions _options;

    internal CompiledScript(ExecutionPlan plan, SignalCompilerOptions options)
    {
        _plan = plan;
        _options = options;
    }

    public string Source => _plan.Script.Text;

    /// <summary>True when some statement reads position or account state (those run bar by bar).</summary>
    public bool ReadsPortfolio => _plan.ReadsPortfolio;

    /// <summary>Vector kernels in the plan, after identical subexpressions were merged.</summary>
    public int KernelCount => _plan.KernelStepCount;

    /// <summary>Tickers named by <c>ref()</c>, as written.</summary>
    public IReadOnlyList<string> ReferencedTickers =>
        _plan.Contexts.Where(c => c.TickerText is not null).Select(c => c.TickerText!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    internal ExecutionPlan Plan => _plan;

    /// <summary>
    /// Bars of the run's own ticker and timeframe needed before the first bar with every value defined: load this
    /// many bars before the start of a backtest (or scan) so indicators are warm when it begins.
    /// </summary>
    public int WarmUpBars => _plan.WarmUpBars;

    /// <summary>A listing of the plan's steps, one per line (for diagnostics and docs).</summary>
    public string DescribePlan() => _plan.Describe();

    /// <summary>
    /// Computes every vector step over the context's data and returns the program the engine drives bar by bar.
    /// Throws TA_OUT_OF_RANGE when the data is too short for an indicator the script uses, DATA_UNAVAILABLE when a
    /// ref()/tf() series cannot be found, and VALIDATION_ERROR when the time budget is exceeded.
    /// </summary>
    public async ValueTask<SignalProgram> PrepareAsync(SignalContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var contexts = await ContextResolver.ResolveAsync(_plan, context, cancellationToken);
        var (frame, firstTradable) = PlanRunner.Run(_plan, contexts, rentPinned: false, _options, cancellationToken);
        using (frame)
        {
            var columns = new double[]?[_plan.Slots.Length];
            var bits = new ulong[]?[_plan.Slots.Length];
            for (var s = 0; s < columns.Length; s++)
            {
                if (_plan.Packed[s])
                {
                    bits[s] = frame.Pack(s);
                }
                else if (_plan.Pinned[s] && _plan.Slots[s].IsBits)
                {
                    bits[s] = frame.Bits(s);
                }
                else if (_plan.Pinned[s])
                {
                    columns[s] = frame.Column(s);
                }
            }

            return new SignalProgram(_plan, contexts[0], columns, bits, firstTradable, frame.KernelInvocations);
        }
    }
}
