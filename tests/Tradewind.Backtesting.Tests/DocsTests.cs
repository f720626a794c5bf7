using System.Reflection;
using System.Text;

namespace Tradewind.Backtesting.Tests;

/// <summary>Every option is documented in docs/backtesting.md and every metric in docs/metrics.md.</summary>
public sealed class DocsTests
{
    private static string ReadDoc(string name)
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Tradewind.slnx")))
        {
            root = Path.GetDirectoryName(root);
        }

        Assert.NotNull(root);
        return File.ReadAllText(Path.Combine(root, "docs", name));
    }

    private static string Snake(string pascal)
    {
        var b = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && b.Length > 0)
            {
                b.Append('_');
            }

            b.Append(char.ToLowerInvariant(c));
        }

        return b.ToString();
    }

    private static IEnumerable<string> Properties<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);

    [Fact]
    public void BacktestingDoc_NamesEveryOption()
    {
        var doc = ReadDoc("backtesting.md");
        var missing = Properties<BacktestOptions>()
            .Where(p => p != "EqualityContract")
            .Select(Snake)
            .Where(name => !doc.Contains($"`{name}`", StringComparison.Ordinal) && !(name is "from" or "to" && doc.Contains("`from`, `to`", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void MetricsDoc_GivesEveryMetricAFormula()
    {
        var doc = ReadDoc("metrics.md");
        var missing = Properties<BacktestMetrics>()
            .Where(p => p is not ("EqualityContract" or "StartEquity" or "FinalEquity" or "PeakEquity"))
            .Select(Snake)
            .Where(name => !doc.Contains($"`{name}`", StringComparison.Ordinal) && !doc.Contains($"`{name.Replace("_pct", string.Empty, StringComparison.Ordinal)}`", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(missing);
    }
}
