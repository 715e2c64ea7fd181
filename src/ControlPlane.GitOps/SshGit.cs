using System.Diagnostics;

namespace ControlPlane.GitOps;

/// <summary>
/// Fetch and push over ssh with the git CLI (LibGit2Sharp has no ssh key credentials): only the given key,
/// host keys checked against the given known_hosts, never a prompt.
/// </summary>
internal static class SshGit
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static (int ExitCode, string Output) Run(string gitDirectory, GitRemote remote, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--git-dir");
        start.ArgumentList.Add(gitDirectory);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_SSH_COMMAND"] =
            $"ssh -i {Quote(remote.SshKeyFile)} -o IdentitiesOnly=yes -o UserKnownHostsFile={Quote(remote.KnownHostsFile)} " +
            "-o StrictHostKeyChecking=yes -o BatchMode=yes -o ConnectTimeout=15";
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started.");
        var output = git.StandardOutput.ReadToEndAsync();
        var error = git.StandardError.ReadToEndAsync();
        if (!git.WaitForExit(Timeout))
        {
            git.Kill(entireProcessTree: true);
            return (-1, $"git {arguments[0]} did not finish within {Timeout.TotalSeconds:0} s");
        }
        return (git.ExitCode, (output.Result + error.Result).Trim());
    }

    // GIT_SSH_COMMAND goes through a shell: quote the paths, and refuse what cannot be quoted safely.
    private static string Quote(string? path)
    {
        if (string.IsNullOrEmpty(path)) throw new InvalidOperationException("an ssh remote needs a key file and a known_hosts file.");
        if (path.Contains('\'', StringComparison.Ordinal)) throw new InvalidOperationException("ssh key and known_hosts paths may not contain a single quote.");
        return $"'{path}'";
    }
}
