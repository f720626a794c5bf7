using System.Text.Json.Nodes;
using Tradewind.Server.Http;

namespace Tradewind.Server.Dashboard;

/// <summary>One embedded file of the report page.</summary>
internal sealed record DashboardAsset(string Path, byte[] Content, string? ContentType, string Hash);

/// <summary>
/// What the report page draws: the stored report as it is (its equity curve thinned to at most
/// <see cref="DashboardApi.MaxEquityPoints"/> rows when longer) and the price bars of each ticker over the period.
/// </summary>
internal sealed record DashboardData(
    string ResultId,
    string CreatedAt,
    int EquityPoints,
    int EquityPointsShown,
    JsonObject Report,
    IReadOnlyList<DashboardCandles> Candles);

/// <summary>
/// A ticker's bars over the backtest period, columnar, times in Unix milliseconds. When the period has more bars than
/// the page shows, every <see cref="BarsPerPoint"/> consecutive bars are merged into one (first open, highest high,
/// lowest low, last close). <see cref="Error"/> says why a ticker has no bars (e.g. its data is no longer available).
/// </summary>
internal sealed record DashboardCandles(
    string Ticker,
    string Timeframe,
    int SourceBars,
    int BarsPerPoint,
    long[] Time,
    double[] Open,
    double[] High,
    double[] Low,
    double[] Close,
    ApiError? Error);
