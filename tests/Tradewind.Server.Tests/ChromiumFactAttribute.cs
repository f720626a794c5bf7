namespace Tradewind.Server.Tests;

/// <summary>
/// A fact that drives headless Chromium. Skipped with a note when no browser is installed, unless
/// TRADEWIND_TEST_CHROMIUM=required (CI), where a missing browser fails the test instead.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null && !HeadlessChromium.Required)
        {
            Skip = $"Headless Chromium not found: install Debian's 'chromium' package or set {HeadlessChromium.PathVariable}; "
                + $"set {HeadlessChromium.RequiredVariable}=required to make a missing browser a failure.";
        }
    }
}
