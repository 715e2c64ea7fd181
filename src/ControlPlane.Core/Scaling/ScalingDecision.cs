namespace ControlPlane.Core.Scaling;

/// <summary>The outcome of one evaluation: the replicas to run, why, and the recommendation history to keep.</summary>
public sealed record ScalingDecision(
    int CurrentReplicas,
    int DesiredReplicas,
    double? ObservedUtilization,
    string Reason,
    IReadOnlyList<ScaleRecommendation> History)
{
    public bool Changes => DesiredReplicas != CurrentReplicas;

    /// <summary>The window statistics and thresholds the decision rests on, for the decision log.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();
}
