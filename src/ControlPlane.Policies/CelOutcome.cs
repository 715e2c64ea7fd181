namespace ControlPlane.Policies;

/// <summary>What evaluating a CEL expression gave: a value, or the error that stopped it.</summary>
internal readonly record struct CelOutcome(object? Value, string? Error)
{
    public bool IsTrue => Error is null && Value is true;

    public bool IsFalse => Error is null && Value is false;

    /// <summary>The value in words, for messages: <c>string "abc"</c>, <c>null</c>, <c>int 3</c>.</summary>
    public string DescribeValue() => Value switch
    {
        null => "null",
        string s => $"string \"{s}\"",
        long l => $"int {l}",
        double d => $"double {d.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        System.Collections.IDictionary => "a map",
        System.Collections.IEnumerable => "a list",
        _ => Value.GetType().Name,
    };
}
