using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tradewind.Server.Market;

// Values of DSL results travel as JsonNode?: a number, true/false for conditions, or null where the value is na.

internal sealed record EvaluateRequest(
    string? Symbol,
    string? Exchange,
    string? Timeframe,
    string? Expression,
    int? Bars,
    bool? IncludeSeries,
    int? Lookback,
    string? MarketType);

internal sealed record SeriesPoint(
    string Timestamp,
    JsonNode? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, JsonNode?>? Values);

internal sealed record EvaluateResponse(
    string Symbol,
    string Ticker,
    string Exchange,
    string Timeframe,
    string Expression,
    JsonNode? Value,
    IReadOnlyDictionary<string, JsonNode?> Values,
    bool IsBoolean,
    string Timestamp,
    int Bars,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SeriesPoint>? Series);

internal sealed record ScanRequest(
    IReadOnlyList<string>? Universe,
    string? Exchange,
    string? Timeframe,
    string? Condition,
    string? Expression,
    int? Bars,
    string? MarketType);

internal sealed record ResearchError(string Code, string Message, string? Suggestion);

internal sealed record ScanDetail(
    string Symbol,
    string Ticker,
    bool Matched,
    JsonNode? Value,
    double? Price,
    string? Timestamp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ResearchError? Error);

internal sealed record ScanResponse(
    string Exchange,
    string Timeframe,
    string Condition,
    IReadOnlyList<string> Matched,
    int MatchedCount,
    int ScannedCount,
    IReadOnlyList<ScanDetail> Details);

internal sealed record RankRequest(
    IReadOnlyList<string>? Universe,
    string? Exchange,
    string? Timeframe,
    string? Expression,
    string? Condition,
    string? Order,
    int? Limit,
    int? Bars,
    string? MarketType);

internal sealed record RankedSymbol(int Rank, string Symbol, string Ticker, double Score, double Price, string Timestamp);

internal sealed record UnrankedSymbol(string Symbol, string Ticker, string Reason, string? Code);

internal sealed record RankResponse(
    string Exchange,
    string Timeframe,
    string Expression,
    string Order,
    int Limit,
    IReadOnlyList<RankedSymbol> Ranked,
    IReadOnlyList<UnrankedSymbol> Unranked,
    int ScannedCount);
