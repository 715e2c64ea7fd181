using ControlPlane.Core.Models;

namespace ControlPlane.Core.Tests;

/// <summary>Specs the tests build on: a valid online model with 1–10 replicas at 70% target.</summary>
internal static class Fixtures
{
    public static ModelSpec Spec(int min = 1, int max = 10, double target = 70, int stabilizationSeconds = 300, int windowSeconds = 30) =>
        new("registry.example.com/risk/fraud-mm:1.4.2", "1.4.2", "prod-eu", "team-risk", "nvidia-a100", 1,
            new ReplicaBounds(min, max), target,
            new Dictionary<string, string> { [ModelSpec.AlignmentReportAnnotation] = "AR-2026-0117" },
            ScaleDownStabilizationSeconds: stabilizationSeconds, MetricWindowSeconds: windowSeconds);
}
