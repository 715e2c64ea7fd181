using System.ComponentModel.DataAnnotations;
using ControlPlane.Core.Fields;

namespace ControlPlane.Grains;

/// <summary>The repository and branch the plane writes desired state to (section <c>ControlPlane:Git</c>).</summary>
public sealed class GitOpsOptions : IValidatableObject
{
    public const string Section = "ControlPlane:Git";

    /// <summary>Bare repository path; empty means <c>&lt;DataDirectory&gt;/gitops.git</c>.</summary>
    public string RepositoryPath { get; set; } = "";

    [Required, RegularExpression("^[A-Za-z0-9][-A-Za-z0-9_./]*$")]
    public string Branch { get; set; } = "main";

    [Required]
    public string AuthorName { get; set; } = "ControlPlane";

    [Required, EmailAddress]
    public string AuthorEmail { get; set; } = "controlplane@localhost";

    /// <summary>A remote to push the branch to (a path, <c>file://</c>, <c>https://</c>, <c>ssh://</c> or user@host:path); empty keeps the repository local.</summary>
    public string RemoteUrl { get; set; } = "";

    /// <summary>
    /// Set by the host in redis mode: other silos' writers push to the same remote, so the writer fetches it and
    /// catches up when it activates, and will not commit on a clone it could not bring up to date.
    /// </summary>
    public bool SharedRemote { get; set; }

    /// <summary>A file holding the token for an https remote; read at each push, never logged.</summary>
    public string RemoteTokenFile { get; set; } = "";

    /// <summary>An environment variable holding the token, when no file is given.</summary>
    public string RemoteTokenEnvironmentVariable { get; set; } = "";

    /// <summary>The private key for an ssh remote.</summary>
    public string RemoteSshKeyFile { get; set; } = "";

    /// <summary>The known_hosts file for an ssh remote: the host key is always checked, never learned.</summary>
    public string RemoteKnownHostsFile { get; set; } = "";

    /// <summary>First wait after a failed push; doubles (with jitter) up to <see cref="PushRetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PushRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PushRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A Flux notification-controller Receiver URL to call after each push; empty calls none.</summary>
    public string FluxReceiverUrl { get; set; } = "";

    /// <summary><c>generic-hmac</c> (signed with the token) or <c>generic</c>.</summary>
    [RegularExpression("^(generic|generic-hmac)$")]
    public string FluxReceiverType { get; set; } = "generic-hmac";

    /// <summary>A file holding the Receiver's token (the <c>token</c> key of its secret); read at each call, never logged.</summary>
    public string FluxReceiverTokenFile { get; set; } = "";

    /// <summary>An environment variable holding the Receiver's token, when no file is given.</summary>
    public string FluxReceiverTokenEnvironmentVariable { get; set; } = "";

    /// <summary>The Receiver's token, read when needed.</summary>
    public Func<string?> FluxReceiverToken() =>
        FluxReceiverTokenFile.Length > 0 ? () => File.ReadAllText(FluxReceiverTokenFile).Trim()
        : () => FluxReceiverTokenEnvironmentVariable.Length > 0 ? Environment.GetEnvironmentVariable(FluxReceiverTokenEnvironmentVariable) : null;

    /// <summary>An SSH private key to sign every commit with (git's gpg.format=ssh); empty signs nothing. Needs ssh-keygen.</summary>
    public string SigningKeyFile { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Both go into every commit's header, where a line break or an angle bracket would corrupt the commit.
        if (FieldRules.GitAuthorName.Check($"{Section}:AuthorName", AuthorName) is { } badName)
            yield return new ValidationResult(badName, [nameof(AuthorName)]);
        if (FieldRules.GitAuthorEmail.Check($"{Section}:AuthorEmail", AuthorEmail) is { } badEmail)
            yield return new ValidationResult(badEmail, [nameof(AuthorEmail)]);
        if (SigningKeyFile.Length > 0 && !File.Exists(SigningKeyFile))
            yield return new ValidationResult($"ControlPlane:Git:SigningKeyFile '{SigningKeyFile}' does not exist.", [nameof(SigningKeyFile)]);
        if (Remote() is { IsSsh: true })
        {
            if (!File.Exists(RemoteSshKeyFile)) yield return new ValidationResult("an ssh remote needs ControlPlane:Git:RemoteSshKeyFile naming an existing key.", [nameof(RemoteSshKeyFile)]);
            if (!File.Exists(RemoteKnownHostsFile)) yield return new ValidationResult("an ssh remote needs ControlPlane:Git:RemoteKnownHostsFile naming an existing known_hosts file.", [nameof(RemoteKnownHostsFile)]);
        }
        if (FluxReceiverUrl.Length > 0 && !Uri.TryCreate(FluxReceiverUrl, UriKind.Absolute, out _))
            yield return new ValidationResult("ControlPlane:Git:FluxReceiverUrl must be an absolute URL.", [nameof(FluxReceiverUrl)]);
    }

    /// <summary>The remote, with its token read lazily, or null when the repository stays local.</summary>
    public ControlPlane.GitOps.GitRemote? Remote() => RemoteUrl.Length == 0
        ? null
        : new(RemoteUrl, Token(), NullIfEmpty(RemoteSshKeyFile), NullIfEmpty(RemoteKnownHostsFile));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private Func<string?>? Token()
    {
        if (RemoteTokenFile.Length > 0) return () => File.ReadAllText(RemoteTokenFile).Trim();
        if (RemoteTokenEnvironmentVariable.Length > 0) return () => Environment.GetEnvironmentVariable(RemoteTokenEnvironmentVariable);
        return null;
    }

    /// <summary>The key of the single writer grain for this repository and branch.</summary>
    public string WriterKey => $"{Path.GetFileName(RepositoryPath.TrimEnd('/'))}:{Branch}";
}
