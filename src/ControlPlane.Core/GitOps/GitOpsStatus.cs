namespace ControlPlane.Core.GitOps;

/// <summary>Where the desired state lives and what its head commit is.</summary>
[GenerateSerializer, Immutable]
public sealed record GitOpsStatus(
    [Id(0)] string Repository,
    [Id(1)] string Branch,
    [Id(2)] string? HeadSha,
    [Id(3)] string? HeadSubject,
    [Id(4)] DateTimeOffset? HeadTime,
    [Id(5)] int PendingChanges,
    [Id(6)] long CommitsWritten,
    [Id(7)] string? Remote = null,
    [Id(8)] int Unpushed = 0,
    [Id(9)] DateTimeOffset? LastPushAt = null,
    [Id(10)] string? LastPushError = null,
    [Id(11)] string? WriterSilo = null);
