using ControlPlane.Core.GitOps;
using ControlPlane.Core.Models;
using ControlPlane.Core.Naming;

namespace ControlPlane.GitOps.Tests.Fixtures;

/// <summary>Builds models, desired states and changes as the decision engine would hand them to the writer.</summary>
public static class DesiredStates
{
    public static ModelSpec Spec(string cluster = "prod-eu", string version = "1.4.2", Dictionary<string, string>? annotations = null) => new(
        Image: $"registry.example.com/risk/fraud-mm:{version}",
        Version: version,
        Cluster: cluster,
        Budget: "team-risk",
        GpuType: "nvidia-a100",
        GpusPerReplica: 2,
        Replicas: new ReplicaBounds(1, 8),
        TargetGpuUtilization: 70,
        Annotations: annotations ?? new Dictionary<string, string> { [ModelSpec.AlignmentReportAnnotation] = "AR-2026-0117" });

    public static ModelDesiredState Model(string name = "fraud-mm", string ns = "risk", int replicas = 3, string cluster = "prod-eu", string version = "1.4.2") =>
        new(new ModelId(ns, name), Spec(cluster, version), replicas);

    public static DesiredStateChange Change(string decisionId, ModelDesiredState desired, string kind = "scale", string? reason = null) => new(
        decisionId,
        kind,
        $"Scale {desired.Model} to {desired.Replicas} replicas",
        reason ?? $"GPU utilization above target; {desired.Replicas} replicas",
        desired);
}
