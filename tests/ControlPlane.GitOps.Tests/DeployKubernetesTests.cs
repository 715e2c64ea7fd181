using System.Text.RegularExpressions;
using ControlPlane.GitOps.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.GitOps.Tests;

/// <summary>The plane's own manifests, as <c>kubectl kustomize deploy/kubernetes</c> builds them.</summary>
public partial class DeployKubernetesTests
{
    /// <summary>Settings of the Redis cluster mode, built on a parallel branch; its README rows document them.</summary>
    private static readonly HashSet<string> ClusterSettings = new(StringComparer.Ordinal)
    {
        "ControlPlane:Cluster:Mode", "ControlPlane:Cluster:Redis", "ControlPlane:Cluster:ClusterId", "ControlPlane:Cluster:ServiceId",
        "ControlPlane:Cluster:SiloPort", "ControlPlane:Cluster:GatewayPort", "ControlPlane:Cluster:AdvertisedAddress",
        "ControlPlane:Cluster:KubernetesHosting",
    };

    private static readonly Lazy<List<YamlMappingNode>> Built = new(() =>
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Kustomize.Build(Path.Combine(RepositoryRoot(), "deploy", "kubernetes"))));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    });

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ControlPlane.sln not found above the test binaries.");
    }

    private static YamlNode At(YamlNode node, params string[] path) => path.Aggregate(node, (n, key) => ((YamlMappingNode)n)[key]);

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    private static IEnumerable<YamlNode> Items(YamlNode node, params string[] path) => (YamlSequenceNode)At(node, path);

    private static YamlMappingNode Object(string kind, string name) =>
        Built.Value.Single(o => Scalar(o, "kind") == kind && Scalar(o, "metadata", "name") == name);

    private static YamlMappingNode Silo() => (YamlMappingNode)Items(Object("Deployment", "controlplane"), "spec", "template", "spec", "containers").Single();

    [Fact]
    public void KustomizeBuild_EveryObject_LandsInTheControlPlaneNamespace()
    {
        var namespaced = Built.Value.Where(o => Scalar(o, "kind") != "Namespace").ToList();

        Assert.Equal("controlplane", Scalar(Built.Value.Single(o => Scalar(o, "kind") == "Namespace"), "metadata", "name"));
        Assert.All(namespaced, o => Assert.Equal("controlplane", Scalar(o, "metadata", "namespace")));
    }

    [Fact]
    public void Deployment_Silos_AreThreeWithTheImageFromKustomize()
    {
        var deployment = Object("Deployment", "controlplane");

        Assert.Equal("3", Scalar(deployment, "spec", "replicas"));
        Assert.Equal("controlplane:latest", Scalar(Silo(), "image"));
        Assert.Equal("controlplane", Scalar(deployment, "spec", "template", "spec", "serviceAccountName"));
        Assert.Equal("45", Scalar(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds"));
    }

    [Fact]
    public void Deployment_Probes_AskReadyzAndHealthzOnTheGatewayPort()
    {
        var silo = Silo();

        Assert.Equal("/readyz", Scalar(silo, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/healthz", Scalar(silo, "livenessProbe", "httpGet", "path"));
        Assert.Equal("http", Scalar(silo, "readinessProbe", "httpGet", "port"));
        Assert.Contains(Items(silo, "ports"), p => Scalar(p, "name") == "http" && Scalar(p, "containerPort") == "8080");
    }

    [Fact]
    public void Deployment_OrleansKubernetesHosting_GetsPodIdentityFromTheDownwardApi()
    {
        var template = Object("Deployment", "controlplane")["spec"]["template"];
        var env = Items(Silo(), "env").Where(e => ((YamlMappingNode)e).Children.ContainsKey("valueFrom")).ToDictionary(e => Scalar(e, "name"), e => Scalar(e, "valueFrom", "fieldRef", "fieldPath"));

        Assert.Equal("metadata.name", env["POD_NAME"]);
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"]);
        Assert.Equal("status.podIP", env["POD_IP"]);
        Assert.Equal("metadata.labels['orleans/serviceId']", env["ORLEANS_SERVICE_ID"]);
        Assert.Equal("metadata.labels['orleans/clusterId']", env["ORLEANS_CLUSTER_ID"]);
        Assert.Equal("controlplane", Scalar(template, "metadata", "labels", "orleans/serviceId"));
        Assert.Equal("controlplane", Scalar(template, "metadata", "labels", "orleans/clusterId"));
    }

    [Fact]
    public void Deployment_SecurityContext_RunsAsNonRootOnAReadOnlyRootWithWritableEmptyDirs()
    {
        var pod = Object("Deployment", "controlplane")["spec"]["template"]["spec"];
        var silo = Silo();
        var emptyDirs = Items(pod, "volumes").Where(v => ((YamlMappingNode)v).Children.ContainsKey("emptyDir")).Select(v => Scalar(v, "name")).ToHashSet();
        var mounts = Items(silo, "volumeMounts").ToDictionary(m => Scalar(m, "mountPath"), m => Scalar(m, "name"));

        Assert.Equal("true", Scalar(pod, "securityContext", "runAsNonRoot"));
        Assert.Equal("true", Scalar(silo, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", Scalar(silo, "securityContext", "allowPrivilegeEscalation"));
        Assert.Contains(mounts["/var/lib/controlplane"], emptyDirs);
        Assert.Contains(mounts["/tmp"], emptyDirs);
        Assert.NotNull(At(silo, "resources", "limits", "memory"));
        Assert.NotNull(At(silo, "resources", "requests", "cpu"));
    }

    [Fact]
    public void Deployment_Secrets_AreMountedFilesNamedBySettings()
    {
        var pod = Object("Deployment", "controlplane")["spec"]["template"]["spec"];
        var settings = Settings();
        var secretMounts = Items(pod, "volumes").Where(v => ((YamlMappingNode)v).Children.ContainsKey("secret"))
            .Select(v => Scalar(v, "name")).ToHashSet();
        var secretPaths = Items(Silo(), "volumeMounts").Where(m => secretMounts.Contains(Scalar(m, "name"))).Select(m => Scalar(m, "mountPath")).ToList();

        Assert.Equal(2, secretMounts.Count);
        Assert.Contains(secretPaths, p => settings["ControlPlane__Auth__ApiKeysFile"].StartsWith(p + "/", StringComparison.Ordinal));
        Assert.Contains(secretPaths, p => settings["ControlPlane__Git__RemoteTokenFile"].StartsWith(p + "/", StringComparison.Ordinal));
    }

    [Fact]
    public void ConfigMap_Settings_SelectRedisClusteringInKubernetes()
    {
        var settings = Settings();

        Assert.Equal("redis", settings["ControlPlane__Cluster__Mode"]);
        Assert.Equal("true", settings["ControlPlane__Cluster__KubernetesHosting"]);
        Assert.Equal("controlplane-redis:6379", settings["ControlPlane__Cluster__Redis"]);
        Assert.Equal("http://+:8080", settings["ASPNETCORE_URLS"]);
        Assert.Equal("/var/lib/controlplane", settings["ControlPlane__DataDirectory"]);
        Assert.Equal("controlplane-redis", Scalar(Object("Service", "controlplane-redis"), "metadata", "name"));
    }

    [Fact]
    public void ConfigMap_EveryKey_IsARealSetting()
    {
        var documented = DocumentedSettings();

        Assert.All(Settings().Keys, key =>
        {
            var setting = key.Replace("__", ":", StringComparison.Ordinal);
            Assert.True(documented.Contains(setting) || ClusterSettings.Contains(setting), $"{key} is not a setting the README documents");
        });
    }

    [Fact]
    public void KustomizeBuild_Manifests_HoldNoSecretValues()
    {
        var values = Built.Value.SelectMany(o => o.AllNodes.OfType<YamlScalarNode>()).Select(s => s.Value ?? "").ToList();

        Assert.DoesNotContain(Built.Value, o => Scalar(o, "kind") == "Secret");
        Assert.DoesNotContain(values, v => v.Contains("PRIVATE KEY", StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => Sha256Hex().IsMatch(v));
        Assert.DoesNotContain(values, v => UrlWithPassword().IsMatch(v));
    }

    [Fact]
    public void Rbac_Role_LetsOrleansWatchAndDeleteSiloPods()
    {
        var rule = (YamlMappingNode)Items(Object("Role", "controlplane-pods"), "rules").Single();
        var verbs = Items(rule, "verbs").Select(v => ((YamlScalarNode)v).Value).ToList();
        var binding = Object("RoleBinding", "controlplane-pods");

        Assert.Equal(["pods"], Items(rule, "resources").Select(r => ((YamlScalarNode)r).Value));
        Assert.Subset(verbs.ToHashSet(), new HashSet<string?> { "get", "list", "watch", "delete" });
        Assert.Equal("controlplane", Scalar((YamlMappingNode)Items(binding, "subjects").Single(), "name"));
    }

    [Fact]
    public void PodDisruptionBudget_KeepsTwoOfThreeSilos()
    {
        var pdb = Object("PodDisruptionBudget", "controlplane");

        Assert.Equal("2", Scalar(pdb, "spec", "minAvailable"));
        Assert.Equal("controlplane", Scalar(pdb, "spec", "selector", "matchLabels", "app.kubernetes.io/name"));
    }

    [Fact]
    public void Services_GatewayHasHttpAndMetricsPorts_HeadlessHasSiloAndGatewayPorts()
    {
        var gateway = Items(Object("Service", "controlplane"), "spec", "ports").ToDictionary(p => Scalar(p, "name"), p => Scalar(p, "port"));
        var silos = Object("Service", "controlplane-silos");
        var siloPorts = Items(silos, "spec", "ports").ToDictionary(p => Scalar(p, "name"), p => Scalar(p, "port"));

        Assert.Equal("8080", gateway["http"]);
        Assert.True(gateway.ContainsKey("metrics"));
        Assert.Equal("None", Scalar(silos, "spec", "clusterIP"));
        Assert.Equal("11111", siloPorts["silo"]);
        Assert.Equal("30000", siloPorts["gateway"]);
    }

    [Fact]
    public void Redis_StatefulSet_IsOneAppendOnlyReplicaOnAClaimedVolume()
    {
        var redis = Object("StatefulSet", "controlplane-redis");
        var container = (YamlMappingNode)Items(redis, "spec", "template", "spec", "containers").Single();
        var command = Items(container, "command").Select(c => ((YamlScalarNode)c).Value).ToList();

        Assert.Equal("1", Scalar(redis, "spec", "replicas"));
        Assert.Equal(["redis-server", "--appendonly", "yes"], command.Take(3));
        Assert.Equal("data", Scalar((YamlMappingNode)Items(redis, "spec", "volumeClaimTemplates").Single(), "metadata", "name"));
        Assert.NotNull(At(container, "readinessProbe"));
        Assert.NotNull(At(container, "livenessProbe"));
    }

    [Fact]
    public void KustomizeBuild_ServiceMonitor_IsOnlyInItsOptionalComponent()
    {
        Assert.DoesNotContain(Built.Value, o => Scalar(o, "kind") == "ServiceMonitor");
        Assert.True(File.Exists(Path.Combine(RepositoryRoot(), "deploy", "kubernetes", "components", "servicemonitor", "servicemonitor.yaml")));
    }

    private static Dictionary<string, string> Settings() =>
        ((YamlMappingNode)Object("ConfigMap", "controlplane-settings")["data"]).Children
            .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);

    /// <summary>Every key in the README's configuration table; a row's short names (`/ Role`) share its first key's prefix.</summary>
    private static HashSet<string> DocumentedSettings()
    {
        var settings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "README.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var names = Backticked().Matches(line.Split('|')[1]).Select(m => m.Groups[1].Value).ToList();
            var prefix = names[0].Contains(':', StringComparison.Ordinal) ? names[0][..(names[0].LastIndexOf(':') + 1)] : "";
            foreach (var name in names) settings.Add(name.Contains(':', StringComparison.Ordinal) ? name : prefix + name);
        }
        return settings;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("://[^/@\\s]+:[^/@\\s]+@")]
    private static partial Regex UrlWithPassword();
}
