using Microsoft.Extensions.Time.Testing;

namespace ControlPlane.GitOps.Tests;

public class TransferDeadlineTests
{
    [Fact]
    public void Continue_BeforeTheLimit_LetsTheTransferGoOn()
    {
        var deadline = new TransferDeadline(TimeSpan.FromHours(1));

        Assert.True(deadline.Continue());
        Assert.Equal("push failed: refused", deadline.Describe("push", "refused"));
    }

    [Fact]
    public void Continue_PastTheLimit_StopsTheTransferAndSaysWhy()
    {
        var clock = new FakeTimeProvider();
        var deadline = new TransferDeadline(TimeSpan.FromSeconds(60), clock);

        clock.Advance(TimeSpan.FromSeconds(61));

        Assert.False(deadline.Continue());
        Assert.Equal("fetch did not finish within 60 s", deadline.Describe("fetch", "user cancelled"));
    }
}
