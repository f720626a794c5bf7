using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Tradewind.Core;
using Tradewind.MarketData;
using Tradewind.Research.Reports;
using Tradewind.Server.Http;
using Tradewind.Server.Identity;
using Tradewind.Storage;

namespace Tradewind.Server.Dashboard;

/// <summary>
/// <c>/dashboard</c>: the backtest report page. A result id is an unguessable share link, so the page and its data
/// need no API key (like a shared document link); anyone with the link can read that one result and nothing else.
/// </summary>
internal static class DashboardApi
{
    /// <summary>Price bars per ticker at most; longer periods are merged into coarser bars.</summary>
    public const int MaxBarsPerTicker = 5000;

    /// <summary>Price bars over all tickers at most, so a 100-ticker result stays a few megabytes.</summary>
    public const int MaxBarsPerPage = 20_000;

    /// <summary>The fewest bars a ticker's chart gets, however many tickers share <see cref="MaxBarsPerPage"/>.</summary>
    public const int MinBarsPerTicker = 500;

    /// <summary>Equity rows at most; a longer curve is thinned keeping the first, the last and the deepest drawdown row.</summary>
    public const int MaxEquityPoints = 5000;

    public const int MaxIdLength = 128;

    /// <summary>
    /// Scripts, styles, data and images from this server only; no inline script or style, no framing, no forms. The
    /// chart library draws on canvas, so nothing else is needed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var assets = new DashboardAssets();
        var dashboard = app.MapGroup("/dashboard").WithTags("Dashboard").ExcludeFromDescription();

        // Public: counted against the per-address request limit, which also slows anyone trying to guess ids.
        dashboard.MapGet("/backtest/{id}", (string id, HttpContext context, IBacktestResultStore results, CancellationToken ct) =>
            PageAsync(id, context, results, assets, ct)).Public();
        dashboard.MapGet("/backtest/{id}/data", DataAsync).Public();

        // Static files carry no access rule: they are the same for everyone and are not counted.
        dashboard.MapGet("/assets/{**path}", (string path, HttpContext context) => Asset(path, context, assets));
        return app;
    }

    public static async Task PageAsync(string id, HttpContext context, IBacktestResultStore results, DashboardAssets assets, CancellationToken ct)
    {
        var record = IsPlausibleId(id) ? await results.GetAsync(id, ct) : null;
        var basePath = context.Request.PathBase.Value + "/dashboard/";
        var template = assets.Template(record is null ? "not-found.html" : "report.html");
        // The id goes in last, so text in it that looks like a placeholder stays text.
        var html = new StringBuilder(template)
            .Replace("{{report.css}}", WebUtility.HtmlEncode(basePath + assets.VersionedPath("report.css")))
            .Replace("{{report.js}}", WebUtility.HtmlEncode(basePath + assets.VersionedPath("report.js")))
            .Replace("{{chart.js}}", WebUtility.HtmlEncode(basePath + assets.VersionedPath("vendor/lightweight-charts.standalone.production.js")))
            .Replace("{{license}}", WebUtility.HtmlEncode(basePath + assets.VersionedPath("vendor/lightweight-charts.LICENSE.txt")))
            .Replace("{{data_url}}", WebUtility.HtmlEncode(basePath + "backtest/" + Uri.EscapeDataString(id) + "/data"))
            .Replace("{{result_id}}", WebUtility.HtmlEncode(Shorten(id)))
            .ToString();

        SecurityHeaders(context.Response);
        context.Response.StatusCode = record is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        context.Response.Headers.CacheControl = "no-cache";
        var bytes = Encoding.UTF8.GetBytes(html);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, ct);
    }

    public static async Task<IResult> DataAsync(string id, HttpContext context, IBacktestResultStore results, CandleService candles, CancellationToken ct)
    {
        var record = (IsPlausibleId(id) ? await results.GetAsync(id, ct) : null) ?? throw new TradewindException(
            ApiErrorCodes.BacktestNotFound,
            $"No backtest result '{Shorten(id)}'.",
            "Check the link: a result id comes from GET /api/v1/backtest/status/{backtest_id} (result_id) once the backtest has completed.");

        var report = JsonNode.Parse(record.Report)?.AsObject()
            ?? throw new InvalidOperationException($"Backtest result {record.Id} holds no report.");
        var (equityPoints, equityShown) = ThinEquity(report);
        var prices = await LoadCandlesAsync(report, candles, ct);

        SecurityHeaders(context.Response);
        context.Response.Headers.CacheControl = "no-cache";
        return Envelope.Ok(context, new DashboardData(record.Id, TimeFormat.ToIso(record.CreatedAt), equityPoints, equityShown, report, prices));
    }

    public static IResult Asset(string path, HttpContext context, DashboardAssets assets)
    {
        var asset = assets.FindPublic(path) ?? throw new TradewindException(
            ApiErrorCodes.NotFound,
            $"The report page has no file '{Shorten(path)}'.",
            "Open a report through its link, /dashboard/backtest/{result_id}; the page names the files it needs.");

        SecurityHeaders(context.Response);

        // A URL carrying the current hash never changes meaning; any other is revalidated with the ETag.
        context.Response.Headers.CacheControl = context.Request.Query["v"] == asset.Hash
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: new EntityTagHeaderValue("\"" + asset.Hash + "\""));
    }

    /// <summary>Ids are generated by the server; anything else cannot exist, and is not worth a database query.</summary>
    public static bool IsPlausibleId(string id)
    {
        if (id.Length is 0 or > MaxIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static void SecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";

        // The URL is the share link: it must not travel to other sites in a Referer header, nor be indexed.
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    /// <summary>Thins a long equity curve for the chart; returns (rows stored, rows sent).</summary>
    private static (int Total, int Shown) ThinEquity(JsonObject report)
    {
        if (report["equity"] is not JsonArray equity)
        {
            return (0, 0);
        }

        var total = equity.Count;
        if (total <= MaxEquityPoints)
        {
            return (total, total);
        }

        var rows = new JsonNode?[total];
        var deepest = -1;
        var depth = 0.0;
        for (var i = 0; i < total; i++)
        {
            rows[i] = equity[i];
            if (equity[i]?["drawdown_pct"]?.GetValue<double>() is { } d && d > depth)
            {
                depth = d;
                deepest = i;
            }
        }

        equity.Clear();
        foreach (var i in BacktestReports.Downsample(total, MaxEquityPoints, deepest))
        {
            equity.Add(rows[i]);
        }

        return (total, equity.Count);
    }

    private static async Task<IReadOnlyList<DashboardCandles>> LoadCandlesAsync(JsonObject report, CandleService candles, CancellationToken ct)
    {
        var summary = report["summary"]?.AsObject() ?? throw new InvalidOperationException("The stored report has no summary.");
        var timeframeName = (string?)summary["timeframe"];
        var timeframe = Timeframe.Parse(timeframeName);
        var from = TimeFormat.ParseUtc((string?)summary["start_date"], "summary.start_date");
        var to = TimeFormat.ParseUtc((string?)summary["end_date"], "summary.end_date");
        var universe = summary["universe"]?.AsArray() ?? [];
        var maxBars = Math.Clamp(MaxBarsPerPage / Math.Max(universe.Count, 1), MinBarsPerTicker, MaxBarsPerTicker);

        var list = new List<DashboardCandles>(universe.Count);
        foreach (var entry in universe)
        {
            var text = (string?)entry ?? string.Empty;
            CandleSeries bars;
            try
            {
                bars = (await candles.GetCandlesAsync(Ticker.Parse(text), timeframe, from, to, null, ct)).Candles;
            }
            catch (TradewindException ex)
            {
                // The report stays readable when a ticker's prices cannot be had now (a venue down, a delisted symbol);
                // the page shows this error where that ticker's chart would be.
                list.Add(new DashboardCandles(text, timeframe.Name, 0, 1, [], [], [], [], [], new ApiError(ex.Code, ex.Message, ex.Suggestion)));
                continue;
            }

            var perPoint = CandleThinning.BarsPerPoint(bars.Count, maxBars);
            var (time, open, high, low, close) = CandleThinning.Merge(bars, perPoint);
            list.Add(new DashboardCandles(text, timeframe.Name, bars.Count, perPoint, time, open, high, low, close, null));
        }

        return list;
    }

    private static string Shorten(string id) =>
        id.Length <= 64 ? id : string.Create(CultureInfo.InvariantCulture, $"{id[..64]}... ({id.Length} characters)");
}
