namespace ControlPlane.Policies;

/// <summary>A policy as <c>GET /api/v1/policies</c> lists it: its bindings' actions (none: not enforced), the kinds it applies to, and why it denies if broken.</summary>
public sealed record PolicyInfo(string Name, string Path, IReadOnlyList<string> ValidationActions, IReadOnlyList<string> Kinds, int Validations, string? Error);
