using Tradewind.Core;
using Tradewind.Signals;
using Tradewind.Signals.Runtime;

namespace Tradewind.Research;

/// <summary>
/// Evaluates DSL expressions on the latest bars of one ticker (evaluate) or of a universe (scan, rank). Each ticker
/// loads at least <see cref="DefaultBars"/> bars, or more when the expression needs them to warm up, up to
/// <see cref="MaxBars"/>.
/// </summary>
public sealed class Screener
{
    public const int DefaultBars = 500;
    public const int MaxBars = 100_000;
    private const int LoadConcurrency = 4;

    private readonly IResearchData _data;

    public Screener(IResearchData data) => _data = data;

    /// <summary>The expression over the latest bars of <paramref name="ticker"/> (ending now, or at <paramref name="toMs"/>).</summary>
    public async Task<EvaluationResult> EvaluateAsync(
        CompiledExpression expression, Ticker ticker, Timeframe timeframe, int? bars, long? toMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var context = await LoadAsync(ticker, timeframe, BarsFor(expression, bars), toMs, cancellationToken);
        return await expression.EvaluateAsync(context, cancellationToken);
    }

    /// <summary>The latest values of the expression for every ticker, in universe order.</summary>
    public async Task<IReadOnlyList<ScreenRow>> ScanAsync(
        CompiledExpression expression, IReadOnlyList<Ticker> universe, Timeframe timeframe, int? bars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(universe);
        var count = BarsFor(expression, bars);
        var contexts = new SignalContext?[universe.Count];
        var rows = new ScreenRow?[universe.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, universe.Count),
            new ParallelOptions { MaxDegreeOfParallelism = LoadConcurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    contexts[i] = await LoadAsync(universe[i], timeframe, count, null, ct);
                }
                catch (TradewindException e) when (IsPerTicker(e))
                {
                    rows[i] = new ScreenRow(universe[i], [], double.NaN, null, e);
                }
            });

        var loaded = new List<int>(universe.Count);
        for (var i = 0; i < universe.Count; i++)
        {
            if (contexts[i] is not null)
            {
                loaded.Add(i);
            }
        }

        var results = await expression.ScanAsync(loaded.Select(i => contexts[i]!), cancellationToken);
        for (var k = 0; k < loaded.Count; k++)
        {
            var i = loaded[k];
            var candles = contexts[i]!.Candles;
            var result = results[k];
            rows[i] = new ScreenRow(universe[i], result.Values, candles.Close[^1], candles.LastTime, result.Error);
        }

        return rows.Select(r => r!).ToArray();
    }

    /// <summary>
    /// <see cref="ScanAsync"/> ordered by the first output (descending or ascending), keeping <paramref name="limit"/>
    /// rows. Tickers whose value is na or that failed are left out of the ranking and returned in <c>Unranked</c>.
    /// Ties keep universe order.
    /// </summary>
    public async Task<(IReadOnlyList<ScreenRow> Ranked, IReadOnlyList<ScreenRow> Unranked)> RankAsync(
        CompiledExpression expression, IReadOnlyList<Ticker> universe, Timeframe timeframe, bool descending, int limit, int? bars, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var rows = await ScanAsync(expression, universe, timeframe, bars, cancellationToken);
        var valued = rows.Where(r => r.Error is null && !double.IsNaN(r.Value));
        var ordered = descending ? valued.OrderByDescending(r => r.Value) : valued.OrderBy(r => r.Value);
        return ([.. ordered.Take(limit)], [.. rows.Where(r => r.Error is not null || double.IsNaN(r.Value))]);
    }

    private static int BarsFor(CompiledExpression expression, int? bars)
    {
        if (bars is { } wanted && (wanted < 1 || wanted > MaxBars))
        {
            throw new TradewindException(
                ErrorCode.ValidationError,
                $"'bars' = {wanted} must be between 1 and {MaxBars}.",
                $"Omit it to load {DefaultBars} bars (or as many as the expression needs to warm up).");
        }

        // An explicit count is honoured exactly, so a caller can ask how the expression behaves on short history.
        return bars ?? Math.Clamp(Math.Max(DefaultBars, expression.WarmUpBars + 1), 1, MaxBars);
    }

    private async Task<SignalContext> LoadAsync(Ticker ticker, Timeframe timeframe, int bars, long? toMs, CancellationToken cancellationToken)
    {
        var end = timeframe.Floor(toMs ?? _data.NowMs);
        var start = end - (bars * timeframe.NominalMilliseconds);
        var candles = await _data.GetCandlesAsync(ticker, timeframe, start, end, cancellationToken);
        if (candles.Count == 0)
        {
            ThrowHelper.Throw(
                ErrorCode.DataUnavailable,
                $"No {timeframe} bars for {ticker} between {TimeFormat.ToIso(Math.Max(start, 0))} and {TimeFormat.ToIso(end)}.",
                "Check the ticker and timeframe (GET /api/v1/market/symbols lists the venue's tickers), or pick a coarser timeframe.");
        }

        if (candles.Count > bars)
        {
            candles = candles.Slice(candles.Count - bars, bars);
        }

        return new SignalContext(ticker, timeframe, candles) { Source = _data };
    }

    private static bool IsPerTicker(TradewindException e) =>
        e.Code is ErrorCode.DataUnavailable or ErrorCode.UnknownSymbol or ErrorCode.InvalidTicker or ErrorCode.TaOutOfRange;
}
