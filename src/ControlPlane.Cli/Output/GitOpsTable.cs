using System.Text.Json.Nodes;
using Spectre.Console.Rendering;

namespace ControlPlane.Cli.Output;

/// <summary>The repository the plane writes (GitOpsStatus): head commit, pending changes and, with a remote, pushing.</summary>
public static class GitOpsTable
{
    public static IRenderable Detail(JsonNode? status) => TableLayout.Fields(
    [
        ("Repository", JsonText.Of(status, "repository")),
        ("Branch", JsonText.Of(status, "branch")),
        ("Head", $"{JsonText.Of(status, "headSha")} {JsonText.Of(status, "headSubject")}".Trim()),
        ("Head time", JsonText.Of(status, "headTime")),
        ("Commits written", JsonText.Of(status, "commitsWritten")),
        ("Pending changes", JsonText.Of(status, "pendingChanges")),
        ("Remote", JsonText.Of(status, "remote")),
        ("Unpushed commits", JsonText.Of(status, "remote").Length > 0 ? JsonText.Of(status, "unpushed") : ""),
        ("Last push", JsonText.Of(status, "lastPushAt")),
        ("Last push error", JsonText.Of(status, "lastPushError")),
    ]);
}
