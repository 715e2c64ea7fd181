namespace ControlPlane.Core.GitOps;

/// <summary>A decision's effect on Git: one commit, carrying the decision's audit trailers.</summary>
[GenerateSerializer, Immutable]
public sealed record DesiredStateChange(
    [Id(0)] string DecisionId,
    [Id(1)] string Kind,
    [Id(2)] string Summary,
    [Id(3)] string Reason,
    [Id(4)] ModelDesiredState Desired,
    [Id(5)] string RequestedBy = Decisions.Requester.ControlPlane);
