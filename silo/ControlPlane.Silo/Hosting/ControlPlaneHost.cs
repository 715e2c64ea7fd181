using System.Text.Json;
using System.Text.Json.Serialization;
using ControlPlane.GitOps;
using ControlPlane.Policies;
using ControlPlane.Silo.FinOps;
using ControlPlane.Silo.Security;
using Orleans.Configuration;
using Prometheus;

namespace ControlPlane.Silo.Hosting;

/// <summary>Wires the embedded control plane: options, one Orleans silo, JSON, problem details, OpenAPI, metrics.</summary>
public static class ControlPlaneHost
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static WebApplicationBuilder AddControlPlane(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // --urls and ASPNETCORE_URLS win; without them the gateway stays on loopback.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls(DefaultUrl);

        var section = builder.Configuration.GetSection(ControlPlaneOptions.Section);
        var plane = section.Get<ControlPlaneOptions>() ?? new ControlPlaneOptions();
        var clusterSection = builder.Configuration.GetSection(ClusterHostingOptions.Section);
        var cluster = clusterSection.Get<ClusterHostingOptions>() ?? new ClusterHostingOptions();
        var signals = builder.Configuration.GetSection(SignalOptions.Section).Get<SignalOptions>() ?? new SignalOptions();
        builder.Services.AddSettings<ControlPlaneOptions>(builder.Configuration, ControlPlaneOptions.Section);
        builder.Services.AddSettings<ClusterHostingOptions>(builder.Configuration, ClusterHostingOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<ClusterHostingOptions>, ClusterHostingValidation>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = plane.ShutdownTimeout);
        builder.Services.AddSettings<GitOpsOptions>(builder.Configuration, GitOpsOptions.Section)
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.RepositoryPath)) o.RepositoryPath = Path.Combine(plane.FullDataDirectory, "gitops.git");
                o.SharedRemote = cluster.IsRedis;
            });
        builder.Services.AddSettings<ModelGrainOptions>(builder.Configuration, ModelGrainOptions.Section);
        builder.Services.AddSettings<FinOpsOptions>(builder.Configuration, FinOpsOptions.Section);
        var finOps = builder.Configuration.GetSection(FinOpsOptions.Section).Get<FinOpsOptions>() ?? new FinOpsOptions();
        if (finOps.WebhookUrl.Length > 0 && Uri.TryCreate(finOps.WebhookUrl, UriKind.Absolute, out _))
        {
            builder.Services.AddHttpClient(nameof(FinOpsWebhook), http => http.Timeout = Timeout.InfiniteTimeSpan); // each attempt has its own deadline
            builder.Services.AddSingleton(sp => new FinOpsWebhook(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(FinOpsWebhook)),
                sp.GetRequiredService<IOptions<FinOpsOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FinOpsWebhook>>()));
            builder.Services.AddSingleton<IFinOpsEventSink>(sp => sp.GetRequiredService<FinOpsWebhook>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<FinOpsWebhook>());
        }
        else builder.Services.AddSingleton<IFinOpsEventSink, NoFinOpsEventSink>();
        builder.Services.AddSettings<SignalOptions>(builder.Configuration, SignalOptions.Section);

        builder.Services.AddSettings<Ui.UiOptions>(builder.Configuration, Ui.UiOptions.Section);

        builder.Services.AddSettings<PolicyOptions>(builder.Configuration, PolicyOptions.Section);
        var policies = builder.Configuration.GetSection(PolicyOptions.Section).Get<PolicyOptions>() ?? new PolicyOptions();
        if (policies.OpaUrl.Length > 0 && Uri.TryCreate(policies.OpaUrl, UriKind.Absolute, out var opaUrl))
        {
            builder.Services.AddHttpClient(nameof(OpaPolicyBackend));
            builder.Services.AddSingleton(sp => new OpaPolicyBackend(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(OpaPolicyBackend)), opaUrl, policies.OpaTimeout, sp.GetRequiredService<TimeProvider>()));
        }

        var git = builder.Configuration.GetSection(GitOpsOptions.Section).Get<GitOpsOptions>() ?? new GitOpsOptions();
        if (git.FluxReceiverUrl.Length > 0 && Uri.TryCreate(git.FluxReceiverUrl, UriKind.Absolute, out var receiverUrl))
        {
            // The client's default request logging names the URL, and a generic Receiver's webhook path is its only credential.
            builder.Services.AddHttpClient(nameof(FluxReceiver)).RemoveAllLoggers();
            builder.Services.AddSingleton(sp => new FluxReceiver(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(FluxReceiver)),
                receiverUrl, git.FluxReceiverType, git.FluxReceiverToken(), TimeSpan.FromSeconds(5)));
        }

        builder.Services.AddSettings<Prometheus.DcgmPollerOptions>(builder.Configuration, Prometheus.DcgmPollerOptions.Section);
        var dcgm = builder.Configuration.GetSection(Prometheus.DcgmPollerOptions.Section).Get<Prometheus.DcgmPollerOptions>() ?? new Prometheus.DcgmPollerOptions();
        if (dcgm.Enabled)
        {
            // One request per tick at Information would drown the log; failures are logged once by the poller.
            builder.Services.AddHttpClient(nameof(Prometheus.DcgmPoller)).RemoveAllLoggers();
            builder.Services.AddHostedService<Prometheus.DcgmPoller>();
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(DecisionClock.Wall);
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddHostedService<GracefulShutdown>();
        builder.Services.AddSingleton<Signals.SignalPublisher>();
        builder.UseOrleans(silo =>
        {
            silo.UseControlPlaneCluster(cluster, plane);
            silo.AddActivityPropagation(); // spans exist only while tracing listens
            silo.AddMemoryStreams(StreamNamespaces.Provider, streams =>
            {
                streams.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly);
                streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = signals.StreamPollInterval));
            });
        });
        // Before AddControlPlaneSecurity: hosted services start in order, so a first start ends with the admin key.
        builder.Services.AddHostedService<StartupReport>();

        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Routing answers these before any handler runs; give them a detail like every other error.
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status415UnsupportedMediaType => Api.Problems.JsonRequired,
                StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}.",
                StatusCodes.Status404NotFound => $"no endpoint at {context.HttpContext.Request.Path}.",
                StatusCodes.Status401Unauthorized => Security.AccessProblems.Unauthenticated,
                StatusCodes.Status403Forbidden => Security.AccessProblems.Forbidden(context.HttpContext),
                _ => null,
            };
            // And the reason word every problem of ours carries.
            if (context.ProblemDetails.Extensions.ContainsKey("reason")) return;
            var reason = context.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized => "Unauthenticated",
                StatusCodes.Status403Forbidden => "Forbidden",
                StatusCodes.Status404NotFound => "NotFound",
                StatusCodes.Status405MethodNotAllowed => "MethodNotAllowed",
                StatusCodes.Status415UnsupportedMediaType => "UnsupportedMediaType",
                StatusCodes.Status413PayloadTooLarge => "PayloadTooLarge",
                _ => null,
            };
            if (reason is null) return;
            context.ProblemDetails.Extensions["reason"] = reason;
            context.ProblemDetails.Type = $"urn:controlplane:problem:{reason}";
        });
        builder.Services.AddExceptionHandler<Api.SiloUnavailableExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.AddControlPlaneSecurity();
        builder.AddControlPlaneTracing();
        ConfigureMetrics();
        return builder;
    }

    /// <summary>Strict JSON: unknown fields, missing required fields, numbers in strings and strings that are not Unicode text are errors.</summary>
    public static void Configure(JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.MaxDepth = 32;
        json.Converters.Add(new Api.JsonBody.UnicodeStrings());
    }

    private static readonly Lazy<bool> MetricsConfigured = new(() =>
    {
        // prometheus-net's defaults fail `promtool check metrics`; these settings pass it.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true });
        Metrics.ConfigureMeterAdapter(o => o.InstrumentFilterPredicate = i => i.Meter.Name != "System.Runtime");
        return true;
    });

    // The registry is process-wide: configure it once however many hosts a test process starts.
    private static void ConfigureMetrics() => _ = MetricsConfigured.Value;
}
