namespace Tradewind.Cli.Tests;

public sealed class ScanCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "data", name);

    private static string[] Row(string output, string ticker) =>
        output.Split('\n').Single(l => l.Contains("│ " + ticker + " ", StringComparison.Ordinal))
            .Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Scan_SimUniverseAtFixedTime_ListsMatchesAndOneRowPerTicker()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync(
            "scan", "--universe", "SIM:BTC/USDT,ETH/USDT", "--universe", "SOL/USDT", "--condition", "rsi(close, 14)[-1] < 101",
            "--timeframe", "1h", "--at", "2024-07-01", "--data-dir", cli.DataDir);

        Assert.Equal(0, exit);
        Assert.Contains("3 of 3 matched", output, StringComparison.Ordinal);
        foreach (var ticker in new[] { "SIM:BTC/USDT", "SIM:ETH/USDT", "SIM:SOL/USDT" })
        {
            var row = Row(output, ticker);
            Assert.Equal("yes", row[1]);
            Assert.Equal("2024-06-30T23:00:00Z", row[4]); // the last bar closed by --at
            Assert.True(double.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture) > 0);
        }
    }

    [Fact]
    public async Task Scan_SameInputsTwice_SameOutput()
    {
        using var cli = new CliHarness();
        string[] args = ["scan", "--universe", "BTC/USDT,ETH/USDT", "--condition", "close > sma(close, 50)", "--timeframe", "4h", "--at", "2024-05-01", "--data-dir", cli.DataDir];

        var first = await cli.RunAsync(args);
        var second = await cli.RunAsync(args);

        Assert.Equal(0, first.Exit);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Scan_NothingMatches_ExitsZeroAndSaysSo()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync(
            "scan", "--universe", "BTC/USDT,ETH/USDT", "--condition", "close < 0", "--timeframe", "1h", "--at", "2024-07-01", "--data-dir", cli.DataDir);

        Assert.Equal(0, exit);
        Assert.Contains("No ticker matched close < 0", output, StringComparison.Ordinal);
        Assert.Equal("no", Row(output, "SIM:BTC/USDT")[1]);
    }

    [Fact]
    public async Task Scan_UnknownTickerInTheUniverse_ErrorInItsRowOthersStillScanned()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync(
            "scan", "--universe", "BTC/USDT,NOPE/USDT", "--condition", "close > 0", "--timeframe", "1h", "--at", "2024-07-01", "--data-dir", cli.DataDir);

        Assert.Equal(0, exit);
        Assert.Contains("1 of 2 matched", output, StringComparison.Ordinal);
        Assert.Contains("UNKNOWN_SYMBOL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_EveryTickerFails_ExitsTwoWithTheReason()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync(
            "scan", "--universe", "NOPE/USDT", "--condition", "close > 0", "--timeframe", "1h", "--at", "2024-07-01", "--data-dir", cli.DataDir);

        Assert.Equal(2, exit);
        Assert.Contains("No ticker could be evaluated", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_DataFile_NamesTheSeriesAfterTheUniverseEntry()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync(
            "scan", "--data", Fixture("skender-bitcoin-1d.csv"), "--universe", "BINANCE:BTC/USDT", "--condition", "close > open");

        Assert.Equal(0, exit);
        var row = Row(output, "BINANCE:BTC/USDT");
        Assert.Equal("yes", row[1]); // 2021-01-12: open 34049.15, close 37371.38
        Assert.Equal("37371.38", row[3]);
        Assert.Equal("2021-01-12T00:00:00Z", row[4]);
    }

    [Fact]
    public async Task Scan_DataFileWithoutName_UsesTheDefaultSeriesName()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("scan", "--data", Fixture("backtestingpy-SOLUSDT-1h.csv"), "--condition", "close < open");

        Assert.Equal(0, exit);
        Assert.Equal("yes", Row(output, "SIM:DATA/USDT")[1]); // last bar: open 166.95, close 165.46
    }

    [Fact]
    public async Task Scan_NumericCondition_AsksForAComparison()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("scan", "--data", Fixture("skender-bitcoin-1d.csv"), "--condition", "rsi(close, 14)");

        Assert.Equal(2, exit);
        Assert.Contains("is a number, not true/false", output, StringComparison.Ordinal);
        Assert.Contains("tradewind rank", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_ConditionWithErrors_ReportsLineAndColumn()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("scan", "--data", Fixture("skender-bitcoin-1d.csv"), "--condition", "rsii(close, 14) < 30");

        Assert.Equal(2, exit);
        Assert.Contains("line 1, column 1", output, StringComparison.Ordinal);
        Assert.Contains("rsi", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_DataFileWithTwoUniverseEntries_ExplainsOneSeries()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync(
            "scan", "--data", Fixture("skender-bitcoin-1d.csv"), "--universe", "BTC/USDT,ETH/USDT", "--condition", "close > 0");

        Assert.Equal(2, exit);
        Assert.Contains("--data holds one series", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_StoreWithoutUniverse_SaysWhatIsNeeded()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("scan", "--condition", "close > 0", "--timeframe", "1h", "--data-dir", cli.DataDir);

        Assert.Equal(2, exit);
        Assert.Contains("scan needs --universe", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_BadTickerAndTimeframe_TeachingErrors()
    {
        using var cli = new CliHarness();
        var ticker = await cli.RunAsync("scan", "--universe", "BTCUSDT", "--condition", "close > 0", "--timeframe", "1h", "--data-dir", cli.DataDir);
        var timeframe = await cli.RunAsync("scan", "--universe", "BTC/USDT", "--condition", "close > 0", "--timeframe", "7m", "--data-dir", cli.DataDir);

        Assert.Equal(2, ticker.Exit);
        Assert.Contains("--universe[0]", ticker.Output, StringComparison.Ordinal);
        Assert.Equal(2, timeframe.Exit);
        Assert.Contains("1h", timeframe.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_BarsNotANumber_NamesTheOption()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("scan", "--data", Fixture("skender-bitcoin-1d.csv"), "--condition", "close > 0", "--bars", "many");

        Assert.Equal(2, exit);
        Assert.Contains("--bars 'many' is not a whole number", output, StringComparison.Ordinal);
    }
}
