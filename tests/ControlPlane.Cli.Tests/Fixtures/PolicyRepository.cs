using ControlPlane.Policies;

namespace ControlPlane.Cli.Tests.Fixtures;

/// <summary>A checkout of a generated repository on disk: the default policies under <c>policies/</c> and manifests under <c>clusters/</c>.</summary>
public sealed class PolicyRepository : IDisposable
{
    public PolicyRepository()
    {
        Directory.CreateDirectory(Combine("policies"));
        foreach (var policy in DefaultPolicies.Files) File.WriteAllText(Combine(policy.Path.Split('/')), policy.Content);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cpctl-policy-tests", Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes <c>clusters/prod-eu/risk/NAME/deployment.yaml</c> and its kustomization, as the plane renders them.</summary>
    public string AddDeployment(string name, int gpus, string? alignmentReport = "AR-2026-0117")
    {
        var folder = Combine("clusters", "prod-eu", "risk", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(System.IO.Path.Combine(folder, "kustomization.yaml"),
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\n");
        var file = System.IO.Path.Combine(folder, "deployment.yaml");
        File.WriteAllText(file, Deployment(name, gpus, alignmentReport));
        return file;
    }

    public static string Deployment(string name, int gpus, string? alignmentReport) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: risk
        {(alignmentReport is null ? "" : $"  annotations:\n    ai-alignment-report-id: {alignmentReport}\n")}spec:
          replicas: 1
          selector:
            matchLabels:
              app: {name}
          template:
            metadata:
              labels:
                app: {name}
            spec:
              containers:
                - name: model
                  image: registry.example.com/risk/{name}:1.0.0
                  resources:
                    requests:
                      nvidia.com/gpu: {gpus}
                    limits:
                      nvidia.com/gpu: {gpus}
        """;

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
