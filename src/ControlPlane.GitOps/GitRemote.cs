namespace ControlPlane.GitOps;

/// <summary>The remote the plane pushes its branch to; the token is read when needed and never logged.</summary>
public sealed record GitRemote(string Url, Func<string?>? Token = null)
{
    /// <summary>The URL without any user information, for logs and status.</summary>
    public string Redacted => Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
        ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
        : Url;

    public override string ToString() => Redacted;
}
