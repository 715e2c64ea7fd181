using ControlPlane.Cli.Commands;

namespace ControlPlane.Cli.Tests.Settings;

/// <summary>Durations as typed on the command line.</summary>
public sealed class DurationsTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    public void TryParse_WithUnit_GivesTheDuration(string text, double milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("2 days")]
    [InlineData("")]
    public void TryParse_NoUnitZeroOrUnknown_IsRefused(string text) => Assert.False(Durations.TryParse(text, out _));
}
