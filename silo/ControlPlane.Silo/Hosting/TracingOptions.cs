using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Silo.Hosting;

/// <summary>OpenTelemetry traces over OTLP (section <c>ControlPlane:Tracing</c>); off unless enabled.</summary>
public sealed class TracingOptions : IValidatableObject
{
    public const string Section = "ControlPlane:Tracing";

    public bool Enabled { get; set; }

    /// <summary><c>otlp</c> sends spans to <see cref="OtlpEndpoint"/>; <c>none</c> records them for in-process listeners only.</summary>
    public string Exporter { get; set; } = "otlp";

    /// <summary>The collector (Jaeger, Tempo, an OpenTelemetry Collector); empty means the OTLP default or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary><c>grpc</c> (port 4317) or <c>http</c> (port 4318, <c>/v1/traces</c>).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    public string ServiceName { get; set; } = "controlplane";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Exporter is not ("otlp" or "none")) yield return new ValidationResult($"{Section}:Exporter must be 'otlp' or 'none'.");
        if (OtlpProtocol is not ("grpc" or "http")) yield return new ValidationResult($"{Section}:OtlpProtocol must be 'grpc' or 'http'.");
        if (OtlpEndpoint.Length > 0 && !Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
            yield return new ValidationResult($"{Section}:OtlpEndpoint must be an absolute URL.");
        if (string.IsNullOrWhiteSpace(ServiceName)) yield return new ValidationResult($"{Section}:ServiceName must not be empty.");
    }
}
