using System.Diagnostics;

namespace ControlPlane.GitOps;

/// <summary>
/// Signs commits with an SSH key the way git does with <c>gpg.format=ssh</c> (<c>ssh-keygen -Y sign -n git</c>),
/// so that <c>git verify-commit</c> and Flux's verification accept them. Needs ssh-keygen (OpenSSH 8.2+).
/// </summary>
public sealed class CommitSigner(string keyFile)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public string KeyFile { get; } = keyFile;

    /// <summary>The armored signature of the commit's content; throws when ssh-keygen fails (the commit is then not made).</summary>
    public string Sign(string commitContent)
    {
        ArgumentNullException.ThrowIfNull(commitContent);
        var start = new ProcessStartInfo("ssh-keygen")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-Y", "sign", "-n", "git", "-f", KeyFile }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ssh-keygen could not be started.");
        var signature = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.Write(commitContent);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // ssh-keygen exits before reading its input when the key is unusable: its exit code says why.
        }
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"ssh-keygen did not sign within {Timeout.TotalSeconds:0} s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ssh-keygen could not sign with {KeyFile}: {error.Result.Trim()}");
        return signature.Result;
    }
}
