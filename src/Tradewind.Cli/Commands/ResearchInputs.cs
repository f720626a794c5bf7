namespace Tradewind.Cli.Commands;

/// <summary>The raw data options of one scan, rank or backtest, as typed.</summary>
internal sealed record ResearchInputs(
    IReadOnlyList<string> Universe,
    string? Exchange,
    string? Timeframe,
    string? DataFile,
    string? Ticker,
    string? DataDir,
    int MaxTickers);
