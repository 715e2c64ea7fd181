using ControlPlane.Core.Naming;
using Microsoft.Extensions.Logging;

namespace ControlPlane.GitOps;

/// <summary>Source-generated log messages of the GitOps repository.</summary>
internal static partial class GitOpsRepositoryLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Committed {Sha} to {Branch} for {Model}: {Kind} decision {DecisionId}")]
    public static partial void Committed(this ILogger logger, string sha, string branch, ModelId model, string kind, string decisionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pushed {Count} commits of {Branch} to {Remote} ({Replayed} replayed onto others' commits)")]
    public static partial void Pushed(this ILogger logger, int count, string branch, string remote, int replayed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created branch {Branch} with its first commit {Sha} in {Repository}")]
    public static partial void BranchCreated(this ILogger logger, string branch, string sha, string repository);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught up {Branch} with {Remote}: now at {Sha}")]
    public static partial void CaughtUp(this ILogger logger, string branch, string remote, string sha);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replaying onto {Remote} skipped {Count} commits whose decisions the remote already has")]
    public static partial void SkippedAlreadyOnRemote(this ILogger logger, string remote, int count);
}
