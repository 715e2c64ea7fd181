namespace ControlPlane.Core.Decisions;

/// <summary>One entry in a model's decision log: what was decided, why, and the commit that carries it.</summary>
[GenerateSerializer, Immutable]
public sealed record Decision(
    [Id(0)] string Id,
    [Id(1)] string Kind,
    [Id(2)] string Model,
    [Id(3)] DateTimeOffset At,
    [Id(4)] string Summary,
    [Id(5)] string Reason,
    [Id(6)] int? FromReplicas = null,
    [Id(7)] int? ToReplicas = null,
    [Id(8)] string? CommitSha = null,
    [Id(9)] string Outcome = DecisionOutcome.Applied,
    [Id(10)] IReadOnlyDictionary<string, string>? Inputs = null,
    [Id(11)] string RequestedBy = Requester.ControlPlane);
