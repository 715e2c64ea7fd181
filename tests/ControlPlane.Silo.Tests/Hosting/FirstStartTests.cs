namespace ControlPlane.Silo.Tests.Hosting;

/// <summary>`dotnet run --project silo/ControlPlane.Silo` from the repository root: settings found, data where the user is, a quiet start.</summary>
public sealed class FirstStartTests(FirstStartRun run) : IClassFixture<FirstStartRun>
{
    [Fact]
    public void FirstStart_FromAnotherDirectory_AppliesTheAppSettingsNextToTheBinary()
    {
        // appsettings.json sets Orleans to Warning; without it the default Information level prints Orleans' option dumps.
        Assert.DoesNotContain(run.UntilReady, l => l.StartsWith("info: Orleans", StringComparison.Ordinal));
    }

    [Fact]
    public void FirstStart_FromAnotherDirectory_KeepsItsDataUnderTheWorkingDirectory()
    {
        Assert.True(File.Exists(Path.Combine(run.WorkingDirectory, "data", "grains.db")), "data/grains.db under the working directory");
        Assert.True(Directory.Exists(Path.Combine(run.WorkingDirectory, "data", "gitops.git")), "data/gitops.git under the working directory");
    }

    [Fact]
    public void FirstStart_DefaultSettings_PrintsFewerThan30LinesUntilReady()
    {
        Assert.True(FirstStartRun.Said(run.UntilReady), string.Join('\n', run.UntilReady));
        Assert.True(run.UntilReady.Count < 30, $"{run.UntilReady.Count} lines:\n{string.Join('\n', run.UntilReady)}");
    }

    [Fact]
    public void Stop_Sigterm_ExitsWithZero()
    {
        Assert.Equal(0, run.ExitCode);
    }
}
