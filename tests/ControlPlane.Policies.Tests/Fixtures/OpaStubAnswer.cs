namespace ControlPlane.Policies.Tests.Fixtures;

/// <summary>What the OPA Data API stub answers: a status and a raw body, after an optional delay.</summary>
internal sealed record OpaStubAnswer(int Status, string Body, TimeSpan Delay = default)
{
    /// <summary>A rule's decision as OPA's Data API gives it: <c>{"result": ...}</c> with status 200.</summary>
    public static OpaStubAnswer Result(string resultJson) => new(200, $$"""{"result":{{resultJson}}}""");

    /// <summary>No deny message: the object is allowed.</summary>
    public static OpaStubAnswer Allow { get; } = Result("[]");
}
