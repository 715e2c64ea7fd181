namespace ControlPlane.Silo.Api;

/// <summary>How much of a signal batch was taken; each rejected sample says why.</summary>
public sealed record SignalBatchResult(int Accepted, IReadOnlyList<RejectedSample> Rejected);

/// <summary>A sample the plane did not take, by its index in the posted array.</summary>
public sealed record RejectedSample(int Index, string Reason);
