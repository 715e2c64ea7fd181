using System.Text.RegularExpressions;

namespace ControlPlane.GitOps;

/// <summary>
/// The remote the plane pushes its branch to. https tokens are read when needed and never logged;
/// ssh remotes name a private key and a known_hosts file (host keys are always checked).
/// </summary>
public sealed partial record GitRemote(string Url, Func<string?>? Token = null, string? SshKeyFile = null, string? KnownHostsFile = null)
{
    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!//)", RegexOptions.CultureInvariant)]
    private static partial Regex ScpLike();

    /// <summary>ssh://… or user@host:path.</summary>
    public bool IsSsh => Url.StartsWith("ssh://", StringComparison.Ordinal) || ScpLike().IsMatch(Url);

    /// <summary>The URL without any user information, for logs and status.</summary>
    public string Redacted => !IsSsh && Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
        ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
        : Url;

    public override string ToString() => Redacted;
}
