using System.Globalization;

namespace Tradewind.Cli.Tests;

public sealed class EvalCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "data", name);

    [Fact]
    public async Task Eval_SimTicker_PrintsLatestRsi()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("eval", "--expr", "rsi(close, 14)", "--ticker", "SIM:BTC/USDT", "--timeframe", "1h", "--from", "2024-01-01", "--to", "2024-02-01", "--data-dir", cli.DataDir);
        Assert.Equal(0, exit);
        Assert.Contains("2024-01-31T23:00:00Z", output, StringComparison.Ordinal);
        var row = output.Split('\n').Single(l => l.Contains("2024-01-31T23:00:00Z", StringComparison.Ordinal));
        var value = double.Parse(row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1], CultureInfo.InvariantCulture);
        Assert.InRange(value, 0, 100);
    }

    [Fact]
    public async Task Eval_DataFileAll_WritesOneCsvColumnPerOutput()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("eval", "--expr", "bbands(close, 20, 2)", "--data", Fixture("skender-bitcoin-1d.csv"), "--all");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("timestamp,upper,middle,lower", lines[0]);
        Assert.Equal(1247, lines.Length);
        Assert.Equal("2017-08-16T00:00:00Z,na,na,na", lines[1]);
        Assert.DoesNotContain(",na", lines[20], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_PositiveIndex_ExplainsTheConvention()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("eval", "--expr", "rsi(close, 14)[0]", "--data", Fixture("skender-bitcoin-1d.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("line 1, column 16", output, StringComparison.Ordinal);
        Assert.Contains("x[-1] is the current bar", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_NoDataSource_SaysWhatIsNeeded()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("eval", "--expr", "close");
        Assert.Equal(2, exit);
        Assert.Contains("--data FILE, or --ticker, --timeframe and --from", output, StringComparison.Ordinal);
    }
}
