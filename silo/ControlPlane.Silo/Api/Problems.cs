namespace ControlPlane.Silo.Api;

/// <summary>RFC 7807 problem details with a reason word (<c>type</c>) and a sentence (<c>detail</c>) for every refusal.</summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(string detail, IEnumerable<string>? errors = null) =>
        Make(StatusCodes.Status400BadRequest, "InvalidRequest", "The request is invalid.", detail, errors);

    public static ProblemHttpResult Invalid(IReadOnlyList<string> errors) =>
        BadRequest(string.Join(" ", errors), errors);

    public const string JsonRequired = "the body must be JSON (Content-Type: application/json).";

    public static ProblemHttpResult UnsupportedMediaType() =>
        Make(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "The body is not JSON.", JsonRequired);

    public static ProblemHttpResult NotFound(string detail) =>
        Make(StatusCodes.Status404NotFound, "NotFound", "Not found.", detail);

    public static ProblemHttpResult TooLarge(string detail) =>
        Make(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", "The request is too large.", detail);

    public static ProblemHttpResult TooManyRequests(string detail) =>
        Make(StatusCodes.Status429TooManyRequests, "RateLimited", "Too many requests.", detail);

    public static ProblemHttpResult Conflict(string detail) =>
        Make(StatusCodes.Status409Conflict, "Conflict", "The request conflicts with current state.", detail);

    public static ProblemHttpResult Unavailable(string detail) =>
        Make(StatusCodes.Status503ServiceUnavailable, "Unavailable", "Try again shortly.", detail);

    /// <summary>
    /// A policy denial is 422 with every message; a decision not yet committed is 503 (a 2xx means it is on the branch); a missing model, version or recommendation is 404; a request that contradicts current state (a full pool, a rollout in
    /// progress) is 409; a reference to something unregistered in the body is the caller's mistake, 400.
    /// </summary>
    public static ProblemHttpResult From(GrainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Code == GrainError.PolicyDenied)
            return Make(StatusCodes.Status422UnprocessableEntity, error.Code, "A policy denied the change.", error.Detail, error.Messages);
        if (error.Code == GrainError.CommitPending)
            return Make(StatusCodes.Status503ServiceUnavailable, error.Code, "The change is not on the branch yet.", error.Detail);
        var status = error.Code switch
        {
            GrainError.NotRegistered or GrainError.UnknownVersion or GrainError.UnknownRecommendation => StatusCodes.Status404NotFound,
            _ when GrainError.Conflicts.Contains(error.Code) => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Make(status, error.Code, "The request was refused.", error.Detail);
    }

    private static ProblemHttpResult Make(int status, string reason, string title, string detail, IEnumerable<string>? errors = null)
    {
        var extensions = new Dictionary<string, object?> { ["reason"] = reason };
        if (errors is not null) extensions["errors"] = errors.ToArray();
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, type: $"urn:controlplane:problem:{reason}", extensions: extensions);
    }
}
