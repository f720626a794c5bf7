using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tradewind.Server.Http;
using Tradewind.Server.Identity;

namespace Tradewind.Server.Docs;

/// <summary>
/// <c>/api/v1/docs</c> and <c>/docs</c>: the markdown documentation, raw with <c>Accept: text/markdown</c>, else in
/// the JSON envelope.
/// </summary>
internal static class DocsApi
{
    public static IEndpointRouteBuilder MapDocsApi(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "/api/v1/docs", "/docs" })
        {
            var docs = app.MapGroup(prefix).WithTags("Docs").Public();
            docs.MapGet("/", ListAsync);
            docs.MapGet("/{name}", GetAsync);
        }

        return app;
    }

    public static async Task<IResult> ListAsync(HttpContext context, DocLibrary library, CancellationToken ct)
    {
        var list = new List<DocSummary>();
        foreach (var name in library.Names())
        {
            list.Add(new DocSummary(name, DocLibrary.TitleOf(name, await library.ReadAsync(name, ct)), "/api/v1/docs/" + name));
        }

        if (WantsMarkdown(context))
        {
            var lines = list.Select(d => $"- [{d.Title}]({d.Path}) `{d.Name}`");
            return TypedResults.Text("# Tradewind documentation\n\n" + string.Join('\n', lines) + "\n", "text/markdown; charset=utf-8");
        }

        return Envelope.Ok(context, new DocsIndexResponse(list.Count, list, "Send Accept: text/markdown to receive raw markdown."));
    }

    public static async Task<IResult> GetAsync(string name, HttpContext context, DocLibrary library, CancellationToken ct)
    {
        var markdown = await library.ReadAsync(name.ToLowerInvariant(), ct);
        return WantsMarkdown(context)
            ? TypedResults.Text(markdown, "text/markdown; charset=utf-8")
            : Envelope.Ok(context, new DocResponse(name, DocLibrary.TitleOf(name, markdown), "markdown", markdown));
    }

    private static bool WantsMarkdown(HttpContext context) =>
        context.Request.Headers.Accept.ToString().Contains("text/markdown", StringComparison.OrdinalIgnoreCase);
}
