using System.Globalization;
using System.Text.RegularExpressions;

namespace ControlPlane.Policies;

/// <summary>A Kubernetes resource quantity ("500m", "2", "16Gi", "1e3") as an exact decimal, for the CEL <c>quantity()</c> functions.</summary>
internal sealed partial record Quantity(decimal Value) : IComparable<Quantity>
{
    private static readonly Dictionary<string, decimal> Suffixes = new(StringComparer.Ordinal)
    {
        [""] = 1m, ["n"] = 1e-9m, ["u"] = 1e-6m, ["m"] = 1e-3m,
        ["k"] = 1e3m, ["M"] = 1e6m, ["G"] = 1e9m, ["T"] = 1e12m, ["P"] = 1e15m, ["E"] = 1e18m,
        ["Ki"] = 1024m, ["Mi"] = 1024m * 1024, ["Gi"] = 1024m * 1024 * 1024, ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024, ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
    };

    public static Quantity Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a Kubernetes quantity");

    public static Quantity? TryParse(string text)
    {
        var match = Syntax().Match(text);
        if (!match.Success) return null;
        try
        {
            var number = decimal.Parse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (!match.Groups["exponent"].Success) return new Quantity(number * Suffixes[match.Groups["suffix"].Value]);
            var exponent = int.Parse(match.Groups["exponent"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return Math.Abs(exponent) > 28 ? null : new Quantity(number * (decimal)Math.Pow(10, exponent));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public int CompareTo(Quantity? other) => other is null ? 1 : Value.CompareTo(other.Value);

    [GeneratedRegex(@"^(?<number>[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+))([eE](?<exponent>[+-]?[0-9]+)|(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|))$")]
    private static partial Regex Syntax();
}
