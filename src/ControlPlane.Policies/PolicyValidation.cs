namespace ControlPlane.Policies;

/// <summary>One compiled <c>spec.validations</c> entry.</summary>
internal sealed record PolicyValidation(CelExpression Expression, CelExpression? MessageExpression, string? Message);
