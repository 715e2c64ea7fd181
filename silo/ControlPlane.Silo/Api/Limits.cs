namespace ControlPlane.Silo.Api;

/// <summary>The <c>limit</c> query parameter of list endpoints.</summary>
public static class Limits
{
    public const int Default = 100;
    public const int Max = 1000;

    /// <summary>The limit asked for, or the default; bound as text so that "ten" gets our message, not a bare 400.</summary>
    public static (int Value, ProblemHttpResult? Problem) Parse(string? limit)
    {
        if (limit is null) return (Default, null);
        return int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= Max
            ? (value, null)
            : (0, Problems.BadRequest($"limit must be a whole number between 1 and {Max}, not '{Dns1123.Printable(limit)}'."));
    }
}
