namespace Tradewind.Cli.Tests;

public sealed class IndicatorsCommandTests
{
    [Fact]
    public async Task Show_Alias_PrintsParametersAndWarmUp()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("indicators", "show", "bb");
        Assert.Equal(0, exit);
        Assert.Contains("bbands", output, StringComparison.Ordinal);
        Assert.Contains("warm-up", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Misspelled_SuggestsNames()
    {
        using var cli = new CliHarness();
        var (exit, output) = await cli.RunAsync("indicators", "show", "rsii");
        Assert.Equal(2, exit);
        Assert.Contains("'rsi'", output, StringComparison.Ordinal);
    }
}
