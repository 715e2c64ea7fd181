namespace ControlPlane.GitOps;

/// <summary>
/// A time limit on one libgit2 fetch or push: its progress callbacks answer "stop" once the limit has passed, which
/// aborts the transfer. LibGit2Sharp exposes no socket timeout, so a connect that never answers is bounded only by libgit2 itself.
/// </summary>
internal sealed class TransferDeadline(TimeSpan limit, TimeProvider? time = null)
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly long _started = (time ?? TimeProvider.System).GetTimestamp();

    public TimeSpan Limit => limit;

    public bool Expired => _time.GetElapsedTime(_started) > limit;

    /// <summary>True while the transfer may go on.</summary>
    public bool Continue() => !Expired;

    /// <summary>The error to report: the limit when it was the cause, else the library's message.</summary>
    public string Describe(string operation, string error) =>
        Expired ? $"{operation} did not finish within {limit.TotalSeconds:0} s" : $"{operation} failed: {error}";
}
