namespace ControlPlane.Policies;

/// <summary>One policy's objection to one object, e.g. policy "max-gpus-per-container" on "Deployment risk/fraud-mm".</summary>
#pragma warning disable CA1720 // "Object" is the Kubernetes word for what was checked, and the name callers already use.
public sealed record PolicyViolation(string Policy, string Object, string Message);
#pragma warning restore CA1720
