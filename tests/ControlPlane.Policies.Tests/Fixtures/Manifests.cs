namespace ControlPlane.Policies.Tests.Fixtures;

/// <summary>Rendered manifests as the GitOps writer produces them, as YAML text.</summary>
internal static class Manifests
{
    public const string AlignmentAnnotation = "ai-alignment-report-id: \"AR-2026-0117\"";

    /// <summary>A model Deployment; GPU counts are YAML scalars (2 or "2"), null leaves that section or the annotations out.</summary>
    public static string Deployment(string name = "fraud-mm", string? requests = "2", string? limits = "2", string? annotations = AlignmentAnnotation) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
        {{(annotations is null ? "" : $"  annotations:\n    {annotations}\n")}}  labels:
            app.kubernetes.io/name: {{name}}
          name: {{name}}
          namespace: risk
        spec:
          replicas: 2
          selector:
            matchLabels:
              app.kubernetes.io/name: {{name}}
          template:
            metadata:
              labels:
                app.kubernetes.io/name: {{name}}
            spec:
              containers:
              - image: registry.example.com/risk/{{name}}:1.4.2
                name: model
                ports:
                - containerPort: 8080
                  name: http
                  protocol: TCP
                resources:
        {{Gpus("limits", limits)}}{{Gpus("requests", requests)}}      nodeSelector:
                controlplane.io/gpu-type: nvidia-a100
        """;

    public const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: fraud-mm
          namespace: risk
        spec:
          ports:
          - name: http
            port: 80
            targetPort: http
          selector:
            app.kubernetes.io/name: fraud-mm
        """;

    public const string ConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: fraud-mm-settings
          namespace: risk
        data:
          threshold: "0.2"
        """;

    private static string Gpus(string section, string? count) =>
        count is null ? "" : $"          {section}:\n            nvidia.com/gpu: {count}\n";
}
