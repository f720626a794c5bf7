namespace Tradewind.Server.Docs;

internal sealed record DocSummary(string Name, string Title, string Path);

internal sealed record DocsIndexResponse(int Count, IReadOnlyList<DocSummary> Documents, string Note);

internal sealed record DocResponse(string Name, string Title, string Format, string Content);
