namespace ControlPlane.Policies;

/// <summary>A compiled <c>spec.variables</c> or <c>spec.matchConditions</c> entry.</summary>
internal sealed record NamedExpression(string Name, CelExpression Expression);
