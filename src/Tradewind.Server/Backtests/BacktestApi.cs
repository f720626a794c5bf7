using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Tradewind.Core;
using Tradewind.MarketData;
using Tradewind.Research;
using Tradewind.Research.Reports;
using Tradewind.Server.Hosting;
using Tradewind.Server.Http;
using Tradewind.Server.Identity;
using Tradewind.Signals;
using Tradewind.Storage;

namespace Tradewind.Server.Backtests;

/// <summary>
/// <c>/api/v1/backtest</c>: submit a strategy backtest (checked before it is queued), poll and cancel it, and read its
/// result. Jobs and results belong to the key that submitted them; any other key gets BACKTEST_NOT_FOUND, as if the
/// id did not exist.
/// </summary>
internal static class BacktestApi
{
    public const int DefaultTradesPage = 100;
    public const int MaxTradesPage = 1000;
    public const int DefaultEquityPoints = 500;
    public const int MaxEquityPoints = 10_000;

    private static readonly TimeSpan SymbolCheckBudget = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapBacktestApi(this IEndpointRouteBuilder app)
    {
        var backtest = app.MapGroup("/api/v1/backtest").WithTags("Backtests").RequireAgent(Scopes.Research);
        backtest.MapPost("/execute", ExecuteAsync);
        backtest.MapPost("/validate", Validate);
        backtest.MapGet("/status/{id}", GetStatusAsync);
        backtest.MapPost("/cancel/{id}", CancelAsync);
        backtest.MapGet("/results/{id}", GetResultAsync);
        backtest.MapGet("/results/{id}/metrics", GetMetricsAsync);
        backtest.MapGet("/results/{id}/per-ticker", GetPerTickerAsync);
        backtest.MapGet("/results/{id}/trades", GetTradesAsync);
        backtest.MapGet("/results/{id}/equity", GetEquityAsync);
        backtest.MapGet("/results/{id}/analysis", GetAnalysisAsync);
        return app;
    }

    public static async Task<Ok<ApiResponse<ExecuteResponse>>> ExecuteAsync(
        ExecuteRequest request,
        HttpContext context,
        ApiCaller caller,
        IJobStore jobs,
        BacktestQuota quota,
        BacktestQueueSignal signal,
        ProviderRegistry providers,
        IResearchData data,
        IOptions<ServerOptions> options,
        TimeProvider time,
        CancellationToken ct)
    {
        var key = caller.RequireAgent();
        var parsed = BacktestRequests.Parse(request, options.Value.DefaultExchange, providers);
        await CheckSymbolsAsync(parsed.Spec.Universe, data, ct);
        var lease = await quota.TakeAsync(key, ct);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var job = new JobRecord
        {
            Id = BacktestIds.NewJobId(),
            Kind = BacktestWorker.Kind,
            OwnerKeyId = key.Id,
            Payload = JsonSerializer.Serialize(parsed.Normalized, BacktestRequests.PayloadJson),
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            await jobs.EnqueueAsync(job, CancellationToken.None);
        }
        catch
        {
            await lease.ReturnAsync();
            throw;
        }

        signal.Notify();
        return Envelope.Ok(context, new ExecuteResponse(job.Id, JobStatus.Queued, TimeFormat.ToIso(now), $"/api/v1/backtest/status/{job.Id}"));
    }

    public static Ok<ApiResponse<ValidateResponse>> Validate(
        ValidateRequest request, HttpContext context, ProviderRegistry providers, IOptions<ServerOptions> options)
    {
        var errors = new List<ScriptProblem>();
        int? warmUp = null;
        if (string.IsNullOrWhiteSpace(request.Script))
        {
            errors.Add(new ScriptProblem(null, null, ErrorCode.ValidationError, "'script' is required and must not be empty.", "Example: emit_signal(crossover(sma(close, 20), sma(close, 50)), entry(\"LONG\", Weight(1)))"));
        }
        else
        {
            var compiled = SignalCompiler.Compile(request.Script);
            if (compiled.Value is { } script)
            {
                warmUp = script.WarmUpBars;
            }

            errors.AddRange(compiled.Diagnostics.Select(d => new ScriptProblem(d.Line, d.Column, d.Code, d.Message, d.Suggestion)));
        }

        IReadOnlyList<string>? universe = null;
        if (request.Universe is not null)
        {
            var problems = new Dictionary<string, string>(StringComparer.Ordinal);
            if (BacktestRequests.ParseExchange(request.Exchange ?? options.Value.DefaultExchange, problems) is { } exchange)
            {
                try
                {
                    var tickers = Universe.Parse(request.Universe, exchange, "universe", BacktestSpec.MaxTickers);
                    universe = tickers.Select(t => t.ToString()).ToArray();
                    foreach (var t in tickers.Where(t => !providers.TryGet(t.Exchange, out _)))
                    {
                        errors.Add(new ScriptProblem(null, null, ErrorCode.ValidationError, $"'universe': {t} is on {t.Exchange.Id()}, which this server has no market data for.", $"Configured exchanges: {string.Join(", ", providers.Configured.Select(e => e.Id()))}."));
                    }
                }
                catch (TradewindException ex) when (ex.Code == ErrorCode.ValidationError)
                {
                    errors.Add(new ScriptProblem(null, null, ex.Code, ex.Message, ex.Suggestion));
                }
            }

            errors.AddRange(problems.Values.Select(m => new ScriptProblem(null, null, ErrorCode.ValidationError, m, null)));
        }

        return Envelope.Ok(context, new ValidateResponse(errors.Count == 0, errors, warmUp, universe));
    }

    public static async Task<Ok<ApiResponse<StatusResponse>>> GetStatusAsync(string id, HttpContext context, ApiCaller caller, IJobStore jobs, CancellationToken ct)
    {
        var job = await OwnJobAsync(id, caller, jobs, ct);
        return Envelope.Ok(context, Status(job));
    }

    public static async Task<Ok<ApiResponse<CancelResponse>>> CancelAsync(
        string id, HttpContext context, ApiCaller caller, IJobStore jobs, TimeProvider time, CancellationToken ct)
    {
        var job = await OwnJobAsync(id, caller, jobs, ct);
        var cancelled = !JobStatus.IsFinal(job.Status)
            && await jobs.CancelAsync(job.Id, "Cancelled by the caller.", time.GetUtcNow().ToUnixTimeMilliseconds(), ct);
        var now = await jobs.GetAsync(job.Id, ct) ?? job;
        var message = cancelled
            ? "Cancelled. A running backtest stops within a few seconds; no result is stored."
            : $"The backtest had already {now.Status}; nothing to cancel.";
        return Envelope.Ok(context, new CancelResponse(now.Id, now.Status, cancelled, message));
    }

    public static async Task<Ok<ApiResponse<ResultResponse>>> GetResultAsync(
        string id, HttpContext context, ApiCaller caller, IBacktestResultStore results, IJobStore jobs, IOptions<ServerOptions> options, CancellationToken ct)
    {
        var (record, report) = await OwnResultAsync(id, caller, results, ct);
        var job = await jobs.GetAsync(record.JobId, ct);
        string? description = null;
        if (job is not null)
        {
            description = JsonSerializer.Deserialize<ExecuteRequest>(job.Payload, BacktestRequests.PayloadJson)?.Description;
        }

        return Envelope.Ok(context, new ResultResponse(
            record.Id,
            record.JobId,
            TimeFormat.ToIso(record.CreatedAt),
            description,
            DashboardUrl(context, options.Value, record.Id),
            report.Summary,
            report.Metrics,
            report.Options,
            report.OpenPositions.Count));
    }

    public static async Task<Ok<ApiResponse<MetricsResponse>>> GetMetricsAsync(
        string id, HttpContext context, ApiCaller caller, IBacktestResultStore results, CancellationToken ct)
    {
        var (record, report) = await OwnResultAsync(id, caller, results, ct);
        return Envelope.Ok(context, new MetricsResponse(record.Id, report.Metrics));
    }

    public static async Task<Ok<ApiResponse<PerTickerResponse>>> GetPerTickerAsync(
        string id, HttpContext context, ApiCaller caller, IBacktestResultStore results, CancellationToken ct)
    {
        var (record, report) = await OwnResultAsync(id, caller, results, ct);
        return Envelope.Ok(context, new PerTickerResponse(record.Id, report.PerTicker.Count, report.PerTicker));
    }

    public static async Task<Ok<ApiResponse<TradesResponse>>> GetTradesAsync(
        string id,
        HttpContext context,
        ApiCaller caller,
        IBacktestResultStore results,
        [FromQuery] string? limit,
        [FromQuery] string? offset,
        CancellationToken ct)
    {
        var take = QueryValues.Int(limit, "limit", DefaultTradesPage, 1, MaxTradesPage);
        var skip = QueryValues.Int(offset, "offset", 0, 0, int.MaxValue);
        var (record, report) = await OwnResultAsync(id, caller, results, ct);
        var total = report.Trades.Count;
        var page = skip >= total ? [] : report.Trades.Skip(skip).Take(take).ToArray();
        return Envelope.Ok(context, new TradesResponse(record.Id, total, take, skip, page.Length, page));
    }

    public static async Task<Ok<ApiResponse<EquityResponse>>> GetEquityAsync(
        string id, HttpContext context, ApiCaller caller, IBacktestResultStore results, [FromQuery] string? points, CancellationToken ct)
    {
        var max = QueryValues.Int(points, "points", DefaultEquityPoints, 2, MaxEquityPoints);
        var (record, report) = await OwnResultAsync(id, caller, results, ct);
        var equity = report.Equity;
        var deepest = -1;
        var depth = 0.0;
        for (var i = 0; i < equity.Count; i++)
        {
            if (equity[i].DrawdownPct > depth)
            {
                depth = equity[i].DrawdownPct;
                deepest = i;
            }
        }

        var indices = BacktestReports.Downsample(equity.Count, max, deepest);
        var rows = new ReportEquityRow[indices.Count];
        for (var k = 0; k < rows.Length; k++)
        {
            rows[k] = equity[indices[k]];
        }

        return Envelope.Ok(context, new EquityResponse(record.Id, equity.Count, rows.Length, rows));
    }

    public static async Task<Ok<ApiResponse<AnalysisResponse>>> GetAnalysisAsync(
        string id,
        HttpContext context,
        ApiCaller caller,
        IBacktestResultStore results,
        LlmAnalyst llm,
        [FromQuery] string? source,
        CancellationToken ct)
    {
        var wanted = QueryValues.OneOf(source, "source", "auto", "deterministic", "llm") ?? "auto";
        var (record, report) = await OwnResultAsync(id, caller, results, ct);
        if (wanted == "deterministic" || (wanted == "auto" && !llm.IsConfigured))
        {
            var analysis = DeterministicAnalysis.Analyze(report);
            return Envelope.Ok(context, new AnalysisResponse(record.Id, "deterministic", null, analysis.Text, analysis.Findings));
        }

        var (model, text) = await llm.AnalyzeAsync(report, ct);
        return Envelope.Ok(context, new AnalysisResponse(record.Id, "llm", model, text, null));
    }

    /// <summary>
    /// Refuses a universe naming a symbol its venue does not list, before anything is queued. Only that answer is
    /// final here: a venue that is slow or unreachable now is the job's problem (it fails with the reason), not the
    /// submission's.
    /// </summary>
    private static async Task CheckSymbolsAsync(IReadOnlyList<Ticker> universe, IResearchData data, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(SymbolCheckBudget);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < universe.Count; i++)
        {
            try
            {
                await data.GetInstrumentAsync(universe[i], budget.Token);
            }
            catch (TradewindException ex) when (ex.Code == ErrorCode.UnknownSymbol)
            {
                problems[$"universe[{i}]"] = $"'universe[{i}]' = {universe[i]}: {ex.Message}{(ex.Suggestion is null ? string.Empty : " " + ex.Suggestion)}";
            }
            catch (TradewindException)
            {
                // A venue error now: the job will meet it again and report it.
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                break;
            }
        }

        if (problems.Count > 0)
        {
            throw BacktestRequests.Invalid(problems);
        }
    }

    internal static StatusResponse Status(JobRecord job)
    {
        string? description = null;
        try
        {
            description = JsonSerializer.Deserialize<ExecuteRequest>(job.Payload, BacktestRequests.PayloadJson)?.Description;
        }
        catch (JsonException)
        {
            // A payload that does not parse fails the job when it runs; the status still answers.
        }

        return new StatusResponse(
            job.Id,
            job.Status,
            job.Status == JobStatus.Completed ? 1 : Math.Clamp(job.Progress, 0, 1),
            job.ResultId,
            job.Message,
            description,
            TimeFormat.ToIso(job.CreatedAt),
            job.StartedAt is { } s ? TimeFormat.ToIso(s) : null,
            job.FinishedAt is { } f ? TimeFormat.ToIso(f) : null,
            (int)job.Attempts);
    }

    internal static string DashboardUrl(HttpContext context, ServerOptions options, string resultId)
    {
        var root = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
        return $"{root}/dashboard/backtest/{Uri.EscapeDataString(resultId)}";
    }

    private static async Task<JobRecord> OwnJobAsync(string id, ApiCaller caller, IJobStore jobs, CancellationToken ct)
    {
        var key = caller.RequireAgent();
        var job = string.IsNullOrWhiteSpace(id) ? null : await jobs.GetAsync(id, ct);
        if (job is null || job.Kind != BacktestWorker.Kind || job.OwnerKeyId != key.Id)
        {
            throw new TradewindException(
                ApiErrorCodes.BacktestNotFound,
                $"No backtest '{id}' for this key.",
                "Use the backtest_id returned by POST /api/v1/backtest/execute, with the key that submitted it.");
        }

        return job;
    }

    private static async Task<(BacktestResultRecord Record, BacktestReport Report)> OwnResultAsync(
        string id, ApiCaller caller, IBacktestResultStore results, CancellationToken ct)
    {
        var key = caller.RequireAgent();
        var record = string.IsNullOrWhiteSpace(id) ? null : await results.GetAsync(id, ct);
        if (record is null || record.OwnerKeyId != key.Id)
        {
            throw new TradewindException(
                ApiErrorCodes.BacktestNotFound,
                $"No backtest result '{id}' for this key.",
                id.StartsWith(BacktestIds.JobPrefix, StringComparison.Ordinal)
                    ? "That is a backtest_id; results are read by the result_id that GET /api/v1/backtest/status/{backtest_id} returns once completed."
                    : "Use the result_id from GET /api/v1/backtest/status/{backtest_id}, with the key that submitted the backtest.");
        }

        var report = JsonSerializer.Deserialize<BacktestReport>(record.Report, BacktestReports.Json)
            ?? throw new InvalidOperationException($"Result {record.Id} has an empty report.");
        return (record, report);
    }
}
