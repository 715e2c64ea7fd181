using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ControlPlane.Policies;

/// <summary>Resolves a YAML scalar the way the YAML 1.2 core schema (and so kustomize) does: quoted scalars stay strings.</summary>
internal static partial class YamlScalars
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static object? Resolve(Scalar scalar)
    {
        if (scalar.Style is not ScalarStyle.Plain || scalar.Tag.IsNonSpecific || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag))
            return scalar.Value;
        var text = scalar.Value;
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => double.PositiveInfinity,
            "-.inf" or "-.Inf" or "-.INF" => double.NegativeInfinity,
            ".nan" or ".NaN" or ".NAN" => double.NaN,
            _ => Number(text) ?? text,
        };
    }

    private static object? Number(string text)
    {
        if (Decimal().IsMatch(text))
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                ? (object)whole
                : double.Parse(text, CultureInfo.InvariantCulture);
        if (Hexadecimal().IsMatch(text)) return long.Parse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (Octal().IsMatch(text)) return Convert.ToInt64(text[2..], 8);
        if (Float().IsMatch(text)) return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return null;
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Decimal();

    // Bounded lengths keep every match within a long.
    [GeneratedRegex("^0x[0-9a-fA-F]{1,15}$")]
    private static partial Regex Hexadecimal();

    [GeneratedRegex("^0o[0-7]{1,20}$")]
    private static partial Regex Octal();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
