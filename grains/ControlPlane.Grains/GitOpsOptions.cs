using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Grains;

/// <summary>The repository and branch the plane writes desired state to (section <c>ControlPlane:Git</c>).</summary>
public sealed class GitOpsOptions
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

    /// <summary>The key of the single writer grain for this repository and branch.</summary>
    public string WriterKey => $"{Path.GetFileName(RepositoryPath.TrimEnd('/'))}:{Branch}";
}
