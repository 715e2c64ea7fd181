namespace ControlPlane.Cli;

/// <summary>The exit codes cpctl promises to scripts; documented in the README and never renumbered.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A policy denied the change (422), or <c>policy check</c> found a denial.</summary>
    public const int PolicyDenied = 1;

    /// <summary>Bad arguments, options or configuration, or the server refused the input as invalid (400).</summary>
    public const int Usage = 2;

    /// <summary>The model, budget, cluster, version or endpoint does not exist (404).</summary>
    public const int NotFound = 3;

    /// <summary>No key, a key the server does not know (401), or a role too small for the call (403).</summary>
    public const int Unauthorized = 4;

    /// <summary>The server could not be reached, timed out, failed (5xx), rate-limited the call (429) or answered something unreadable.</summary>
    public const int ServerError = 5;

    /// <summary>The request contradicts current state (409), e.g. a rollback while another rollout is in progress.</summary>
    public const int Conflict = 6;

    /// <summary>A fault in cpctl itself (or an unreadable local file); the line names the exception.</summary>
    public const int Internal = 10;

    /// <summary>The exit code for an HTTP error status.</summary>
    public static int ForStatus(int status) => status switch
    {
        400 or 413 or 415 => Usage,
        401 or 403 => Unauthorized,
        404 => NotFound,
        409 => Conflict,
        422 => PolicyDenied,
        _ => ServerError,
    };
}
