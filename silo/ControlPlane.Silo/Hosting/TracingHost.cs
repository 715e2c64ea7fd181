using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace ControlPlane.Silo.Hosting;

/// <summary>
/// One trace per signal: the gateway's HTTP span, the model's decision, the policy gate, the commit and the push,
/// joined across grain calls by Orleans' activity propagation and across the stream by the batch's trace parent.
/// </summary>
public static class TracingHost
{
    public static WebApplicationBuilder AddControlPlaneTracing(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TracingOptions.Section);
        builder.Services.AddSettings<TracingOptions>(builder.Configuration, TracingOptions.Section);
        var tracing = section.Get<TracingOptions>() ?? new TracingOptions();
        if (!tracing.Enabled) return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(tracing.ServiceName))
            .WithTracing(traces =>
            {
                traces.AddSource(Grains.ControlPlaneTracing.SourceName, ActivitySources.ApplicationGrainActivitySourceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/metrics")
                        && !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/readyz"));
                if (tracing.Exporter == "otlp")
                    traces.AddOtlpExporter(o =>
                    {
                        if (tracing.OtlpEndpoint.Length > 0) o.Endpoint = new Uri(tracing.OtlpEndpoint);
                        o.Protocol = tracing.OtlpProtocol == "http" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                    });
            });
        return builder;
    }
}
