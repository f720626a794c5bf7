using Tradewind.Core;
using Tradewind.Signals.Compilation;
using Tradewind.Signals.Runtime;

namespace Tradewind.Signals;

/// <summary>
/// An expression compiled for evaluation (<c>/market/evaluate</c>, <c>tradewind eval</c>) and for scans and ranks over
/// many tickers. <c>rsi(close, 14)[-1]</c> evaluates to the RSI series; its latest value is the current RSI.
/// </summary>
public sealed class CompiledExpression
{
    private readonly ExecutionPlan _plan;
    private readonly SignalCompilerOptions _options;

    internal CompiledExpression(ExecutionPlan plan, SignalCompilerOptions options)
    {
        _plan = plan;
        _options = options;
    }

    public string Source => _plan.Script.Text;

    /// <summary>Output names: <c>value</c>, or the outputs of a multi-output indicator (e.g. upper, middle, lower).</summary>
    public IReadOnlyList<string> OutputNames => _plan.ResultNames;

    /// <summary>True when the expression is a condition (values 1 and 0).</summary>
    public bool IsBoolean => _plan.ResultIsBool;

    public int KernelCount => _plan.KernelStepCount;

    /// <summary>
    /// Bars of the run's own ticker and timeframe needed before the first bar with every value defined: load this
    /// many bars before the start of a backtest (or scan) so indicators are warm when it begins.
    /// </summary>
    public int WarmUpBars => _plan.WarmUpBars;

    /// <summary>The whole series of the expression over the context's bars.</summary>
    public async ValueTask<EvaluationResult> EvaluateAsync(SignalContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequireBars(context);
        var contexts = await ContextResolver.ResolveAsync(_plan, context, cancellationToken);
        var (frame, _) = PlanRunner.Run(_plan, contexts, rentPinned: false, _options, cancellationToken);
        using (frame)
        {
            var n = contexts[0].Count;
            var columns = new double[_plan.Results.Length][];
            for (var i = 0; i < columns.Length; i++)
            {
                var r = _plan.Results[i];
                if (r.IsConstant)
                {
                    columns[i] = new double[n];
                    columns[i].AsSpan().Fill(r.Value);
                }
                else
                {
                    // A bare `close` is the caller's own array: hand out a copy, never the input itself.
                    var column = frame.Column(r.Index);
                    columns[i] = column.Length == n && _plan.Slots[r.Index].Role != SlotRole.DataAlias ? column : column.AsSpan(0, n).ToArray();
                }
            }

            return new EvaluationResult(context.Ticker, context.Timeframe, context.Candles.Time, _plan.ResultNames, columns, _plan.ResultIsBool);
        }
    }

    /// <summary>
    /// The latest value for each context, in order. Columns are pooled between tickers, so a scan of hundreds of
    /// tickers allocates little. A ticker's typed error (too little data, missing ref data) is reported in its row.
    /// </summary>
    public async ValueTask<IReadOnlyList<ScanResult>> ScanAsync(IEnumerable<SignalContext> contexts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var results = new List<ScanResult>();
        foreach (var context in contexts)
        {
            try
            {
                RequireBars(context);
                var resolved = await ContextResolver.ResolveAsync(_plan, context, cancellationToken);
                results.Add(new ScanResult(context.Ticker, Latest(resolved, cancellationToken), null));
            }
            catch (TradewindException e) when (e.Code is ErrorCode.TaOutOfRange or ErrorCode.DataUnavailable or ErrorCode.InvalidTicker or ErrorCode.UnknownExchange)
            {
                results.Add(new ScanResult(context.Ticker, [], e));
            }
        }

        return results;
    }

    /// <summary>
    /// <see cref="ScanAsync"/>, ordered by the first output's latest value (descending or ascending), keeping the
    /// first <paramref name="limit"/> rows. Tickers whose value is na or that failed come last, in input order, so
    /// the caller still sees why they are missing. Ties keep input order.
    /// </summary>
    public async ValueTask<IReadOnlyList<ScanResult>> RankAsync(
        IEnumerable<SignalContext> contexts, bool descending = true, int limit = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var rows = await ScanAsync(contexts, cancellationToken);
        var ranked = rows.Where(r => !double.IsNaN(r.Value));
        ranked = descending ? ranked.OrderByDescending(r => r.Value) : ranked.OrderBy(r => r.Value);
        return [.. ranked.Concat(rows.Where(r => double.IsNaN(r.Value))).Take(limit)];
    }

    private double[] Latest(ResolvedContext[] resolved, CancellationToken cancellationToken)
    {
        var (frame, _) = PlanRunner.Run(_plan, resolved, rentPinned: true, _options, cancellationToken);
        using (frame)
        {
            var last = resolved[0].Count - 1;
            var values = new double[_plan.Results.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var r = _plan.Results[i];
                values[i] = r.IsConstant ? r.Value : frame.Input(r.Index)[last];
            }

            return values;
        }
    }

    private static void RequireBars(SignalContext context)
    {
        if (context.Candles.Count == 0)
        {
            ThrowHelper.Throw(
                ErrorCode.DataUnavailable,
                $"No {context.Timeframe} bars for {context.Ticker} in the requested range.",
                "Widen the time range or fetch data for this ticker first.");
        }
    }
}
