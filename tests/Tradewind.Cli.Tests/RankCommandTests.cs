using System.Globalization;

namespace Tradewind.Cli.Tests;

public sealed class RankCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "data", name);

    /// <summary>The ranked rows (rank, ticker, score) in printed order.</summary>
    private static List<(int Rank, string Ticker, double Score)> Ranked(string output)
    {
        var rows = new List<(int, string, double)>();
        foreach (var line in output.Split('\n'))
        {
            var cells = line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (cells.Length == 5 && int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rank))
            {
                rows.Add((rank, cells[1], double.Parse(cells[2], CultureInfo.InvariantCulture)));
            }
        }

        return rows;
    }

    [Fact]
    public async Task Rank_SimUniverseDescending_HighestScoreFirstUpToTheLimit()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync(
            "rank", "--universe", "BTC/USDT,ETH/USDT,SOL/USDT,BNB/USDT", "--expression", "roc(close, 24)", "--order", "desc", "--limit", "3",
            "--timeframe", "1h", "--at", "2024-07-01", "--data-dir", cli.DataDir);

        Assert.Equal(0, exit);
        var rows = Ranked(output);
        Assert.Equal([1, 2, 3], rows.Select(r => r.Rank));
        Assert.True(rows[0].Score >= rows[1].Score && rows[1].Score >= rows[2].Score);
    }

    [Fact]
    public async Task Rank_Ascending_ReversesTheDescendingOrder()
    {
        using var cli = new CliHarness();
        string[] common = ["--universe", "BTC/USDT,ETH/USDT,SOL/USDT", "--expression", "roc(close, 24)", "--timeframe", "1h", "--at", "2024-07-01", "--data-dir", cli.DataDir];

        var desc = await cli.RunAsync(["rank", .. common]);
        var asc = await cli.RunAsync(["rank", .. common, "--order", "asc"]);

        Assert.Equal(0, asc.Exit);
        Assert.Equal(Ranked(desc.Output).Select(r => r.Ticker).Reverse(), Ranked(asc.Output).Select(r => r.Ticker));
    }

    [Fact]
    public async Task Rank_UnknownTicker_ListedAsUnrankedWithWhy()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync(
            "rank", "--universe", "BTC/USDT,NOPE/USDT", "--expression", "roc(close, 24)", "--timeframe", "1h", "--at", "2024-07-01", "--data-dir", cli.DataDir);

        Assert.Equal(0, exit);
        Assert.Single(Ranked(output));
        Assert.Contains("Unranked", output, StringComparison.Ordinal);
        var why = output.Split('\n').Single(l => l.Contains("SIM:NOPE/USDT", StringComparison.Ordinal));
        Assert.Contains("UNKNOWN_SYMBOL", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_TooFewBars_UnrankedWithTheBarsNeeded()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("rank", "--data", Fixture("skender-bitcoin-1d.csv"), "--expression", "sma(close, 50)", "--bars", "10");

        Assert.Equal(2, exit); // the only ticker has no score
        Assert.Empty(Ranked(output));
        Assert.Contains("Unranked", output, StringComparison.Ordinal);
        Assert.Contains("TA_OUT_OF_RANGE", output, StringComparison.Ordinal);
        Assert.Contains("needs 50 bars", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_DataFile_ScoresTheFileSeries()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("rank", "--data", Fixture("skender-bitcoin-1d.csv"), "--ticker", "BINANCE:BTC/USDT", "--expression", "close");

        Assert.Equal(0, exit);
        var row = Assert.Single(Ranked(output));
        Assert.Equal("BINANCE:BTC/USDT", row.Ticker);
        Assert.Equal(37371.4, row.Score, 1);
    }

    [Theory]
    [InlineData("--order", "up", "desc, asc")]
    [InlineData("--limit", "0", "--limit 0 must be at least 1")]
    [InlineData("--limit", "ten", "--limit 'ten' is not a whole number")]
    public async Task Rank_BadOptionValue_ExitsTwoNamingTheValidValues(string option, string value, string expected)
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("rank", "--data", Fixture("skender-bitcoin-1d.csv"), "--expression", "close", option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_NoExpression_ShowsAnExample()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("rank", "--data", Fixture("skender-bitcoin-1d.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("--expression is required", output, StringComparison.Ordinal);
    }
}
