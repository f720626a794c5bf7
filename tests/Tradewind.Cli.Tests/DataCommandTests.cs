namespace Tradewind.Cli.Tests;

public sealed class DataCommandTests
{
    [Fact]
    public async Task Fetch_SimYearOfHours_Stores8784AndRefetchesNothing()
    {
        using var cli = new CliHarness();
        string[] args = ["data", "fetch", "--exchange", "sim", "--symbol", "BTC/USDT", "--timeframe", "1h", "--from", "2024-01-01", "--to", "2025-01-01"];

        var (exit, output) = await cli.RunAsync(args);
        Assert.Equal(0, exit);
        Assert.Contains("Stored 8784 candles (8784 fetched from sim", output, StringComparison.Ordinal);

        (exit, output) = await cli.RunAsync(args);
        Assert.Equal(0, exit);
        Assert.Contains("Stored 8784 candles; nothing was missing, so nothing was fetched.", output, StringComparison.Ordinal);

        (exit, output) = await cli.RunAsync("data", "list");
        Assert.Equal(0, exit);
        Assert.Contains("SIM:BTC/USDT", output, StringComparison.Ordinal);
        Assert.Contains("8784", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_UnknownExchange_ListsValidChoices()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("data", "fetch", "--exchange", "kraken", "--symbol", "BTC/USDT", "--timeframe", "1h", "--from", "2024-01-01");
        Assert.Equal(2, exit);
        Assert.Contains("Unknown exchange 'kraken'", output, StringComparison.Ordinal);
        Assert.Contains("binance, binancefuturesusd, upbit, hyperliquid, lighter, polymarket, sim", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_UnknownTimeframe_ListsValidChoices()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("data", "fetch", "--exchange", "sim", "--symbol", "BTC/USDT", "--timeframe", "2h", "--from", "2024-01-01");
        Assert.Equal(2, exit);
        Assert.Contains("1m 5m 15m 30m 1h 4h 1d 1w 1M", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_UnknownSimSymbol_ListsValidSymbols()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("data", "fetch", "--exchange", "sim", "--symbol", "NOPE/USDT", "--timeframe", "1h", "--from", "2024-01-01", "--to", "2024-01-02");
        Assert.Equal(2, exit);
        Assert.Contains("UNKNOWN_SYMBOL", output, StringComparison.Ordinal);
        Assert.Contains("BTC/USDT", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportExport_RealCsv_RoundTrips()
    {
        using var cli = new CliHarness();
        var source = Path.Combine(AppContext.BaseDirectory, "fixtures", "data", "skender-bitcoin-1d.csv");
        var (exit, output) = await cli.RunAsync("data", "import", source, "--ticker", "BINANCE:BTC/USDT");
        Assert.Equal(0, exit);
        Assert.Contains("Imported 1246 candles", output, StringComparison.Ordinal);

        var exported = Path.Combine(cli.DataDir, "out.csv");
        (exit, output) = await cli.RunAsync("data", "export", "--ticker", "BINANCE:BTC/USDT", "--timeframe", "1d", "--out", exported);
        Assert.Equal(0, exit);
        Assert.Contains("Exported 1246 candles", output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(exported);
        Assert.Equal("time,open,high,low,close,volume", lines[0]);
        Assert.Equal(1247, lines.Length);

        (exit, output) = await cli.RunAsync("data", "inspect", "--ticker", "BINANCE:BTC/USDT", "--timeframe", "1d");
        Assert.Equal(0, exit);
        Assert.Contains("1246 bars", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadFile_NamesLineAndWritesNothing()
    {
        using var cli = new CliHarness();
        var bad = Path.Combine(cli.DataDir, "bad.csv");
        await File.WriteAllLinesAsync(bad, ["date,open,high,low,close,volume", "2024-01-01,1,2,0.5,1.5,10", "2024-01-02,1,2,0.5,abc,10"]);
        var (exit, output) = await cli.RunAsync("data", "import", bad, "--ticker", "BINANCE:BTC/USDT");
        Assert.Equal(2, exit);
        Assert.Contains("bad.csv", output, StringComparison.Ordinal);
        Assert.Contains("line 3", output, StringComparison.Ordinal);

        (exit, output) = await cli.RunAsync("data", "list");
        Assert.Equal(0, exit);
        Assert.Contains("0 series", output, StringComparison.Ordinal);
    }
}
