namespace ControlPlane.Cli.Policy;

/// <summary>One policy's objection to one object in one manifest file; <see cref="Action"/> is <c>deny</c> or <c>warn</c>.</summary>
#pragma warning disable CA1720 // "Object" is the Kubernetes word for what was checked, as in PolicyViolation.
public sealed record PolicyFinding(string Action, string File, string Object, string Policy, string Message);
#pragma warning restore CA1720
