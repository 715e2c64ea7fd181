namespace ControlPlane.Silo.Api;

/// <summary>The <c>limit</c> query parameter of list endpoints.</summary>
public static class Limits
{
    public const int Default = 100;
    public const int Max = 1000;

    public static ProblemHttpResult? Check(int? limit) =>
        limit is null or (>= 1 and <= Max) ? null : Problems.BadRequest($"limit must be between 1 and {Max}.");
}
