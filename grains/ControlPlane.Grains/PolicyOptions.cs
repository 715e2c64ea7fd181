using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Grains;

/// <summary>An optional external OPA backend for the policy gate (section <c>ControlPlane:Policies</c>).</summary>
public sealed class PolicyOptions : IValidatableObject
{
    public const string Section = "ControlPlane:Policies";

    /// <summary>OPA Data API URL of a rule whose result is a list of deny messages; empty means no OPA.</summary>
    public string OpaUrl { get; set; } = "";

    /// <summary>How long one OPA query may take; no answer in time denies (fail closed).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan OpaTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OpaUrl.Length > 0 && (!Uri.TryCreate(OpaUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            yield return new ValidationResult("ControlPlane:Policies:OpaUrl must be an absolute http or https URL.", [nameof(OpaUrl)]);
    }
}
