namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>Where the shared traces live by default: <c>../shared/data/traces</c> next to the repository root.</summary>
public static class TraceDirectory
{
    public const string SolutionFile = "ControlPlane.sln";

    /// <summary>Walks up from the running binary to the folder holding the solution; null when there is none.</summary>
    public static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "traces"));
        }
        return null;
    }
}
