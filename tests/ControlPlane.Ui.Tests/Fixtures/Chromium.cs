using Microsoft.Playwright;

namespace ControlPlane.Ui.Tests.Fixtures;

/// <summary>Debian's Chromium driven by Playwright; Playwright's own browser downloads are never used.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"The dashboard tests need Debian's Chromium at {ExecutablePath} and it is missing: run `apt-get install -y chromium` (.ci/run does this).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true });
        return (playwright, browser);
    }
}
