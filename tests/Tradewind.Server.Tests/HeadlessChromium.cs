using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Tradewind.Server.Tests;

/// <summary>
/// Debian's <c>chromium</c> in headless mode: loads a page, lets its scripts run (virtual time, so timers and
/// animation frames do not wait on the wall clock), and returns the DOM as serialised after they ran.
/// Found as TRADEWIND_CHROMIUM or <c>chromium</c> / <c>chromium-browser</c> on PATH.
/// </summary>
public static partial class HeadlessChromium
{
    public const string PathVariable = "TRADEWIND_CHROMIUM";
    public const string RequiredVariable = "TRADEWIND_TEST_CHROMIUM";

    public static string? Executable { get; } = Find();

    /// <summary>True when CI demands the browser tests (TRADEWIND_TEST_CHROMIUM=required): a missing browser then fails them.</summary>
    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable(RequiredVariable), "required", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads <paramref name="url"/> and returns the DOM after its scripts ran for up to <paramref name="virtualTimeMs"/> of virtual time.</summary>
    public static async Task<string> DumpDomAsync(Uri url, int virtualTimeMs = 30_000, TimeSpan? timeout = null)
    {
        var executable = Executable ?? throw new InvalidOperationException(
            $"Headless Chromium was not found: install Debian's 'chromium' package (apt-get install chromium) or set {PathVariable} to the browser's path.");
        var profile = Path.Combine(Path.GetTempPath(), "tradewind-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--mute-audio",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--window-size=1280,2400",
            "--user-data-dir=" + profile,
            $"--virtual-time-budget={virtualTimeMs}",
            "--dump-dom",
            url.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not finish loading {url} in time. Its log:\n{Tail(await stderr)}");
        }
        finally
        {
            TryDelete(profile);
        }

        var dom = await stdout;
        if (process.ExitCode != 0 || dom.Length == 0)
        {
            throw new InvalidOperationException($"Chromium exited with {process.ExitCode} for {url}. Its log:\n{Tail(await stderr)}");
        }

        return dom;
    }

    /// <summary>The attributes of the DOM's &lt;body&gt; tag (data-ready, data-final-equity, ...), HTML-decoded.</summary>
    public static IReadOnlyDictionary<string, string> BodyAttributes(string dom)
    {
        var tag = BodyTag().Match(dom);
        Assert.True(tag.Success, "The dumped DOM has no <body> tag:\n" + dom[..Math.Min(dom.Length, 2000)]);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Attribute().Matches(tag.Groups[1].Value))
        {
            attributes[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        return attributes;
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A profile directory left in temp is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    [GeneratedRegex(@"<body\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyTag();

    [GeneratedRegex(@"([A-Za-z_:][-A-Za-z0-9_:.]*)=""([^""]*)""")]
    private static partial Regex Attribute();
}
