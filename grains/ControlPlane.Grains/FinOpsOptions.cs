using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Grains;

/// <summary>How budgets are evaluated and where their events are sent (section <c>ControlPlane:FinOps</c>).</summary>
public sealed class FinOpsOptions : IValidatableObject
{
    public const string Section = "ControlPlane:FinOps";

    /// <summary>Least time between two evaluations of a budget (forecast, thresholds, anomalies); accruals in between only add up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An http(s) URL that receives each FinOps event as a JSON POST; empty sends none.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>A file holding the secret the body is signed with (HMAC-SHA256, <c>X-ControlPlane-Signature</c>); read at each call, never logged.</summary>
    public string WebhookSecretFile { get; set; } = "";

    /// <summary>How long one delivery attempt may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts per event, the first included; then the event is dropped (logged and counted).</summary>
    [Range(1, 10)]
    public int WebhookMaxAttempts { get; set; } = 4;

    /// <summary>Wait before the second attempt; doubles for each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events waiting for delivery; when full the newest is dropped (logged and counted) rather than stall a grain.</summary>
    [Range(1, 100_000)]
    public int WebhookQueueCapacity { get; set; } = 1000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WebhookUrl.Length > 0 && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
            yield return new ValidationResult("ControlPlane:FinOps:WebhookUrl must be an absolute http or https URL.", [nameof(WebhookUrl)]);
        if (WebhookSecretFile.Length > 0 && !File.Exists(WebhookSecretFile))
            yield return new ValidationResult($"ControlPlane:FinOps:WebhookSecretFile '{WebhookSecretFile}' does not exist.", [nameof(WebhookSecretFile)]);
    }
}
