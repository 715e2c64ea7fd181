using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>
/// Generators of hostile JSON as the bytes that go on the wire: adversarial strings and numbers, broken
/// tokens, and valid bodies with one thing changed so that most cases get past the parser to the rules.
/// </summary>
public static class HostileJson
{
    /// <summary>Strings that try to leave a folder, break out of a YAML scalar, or pass for something else.</summary>
    public static readonly string[] Adversarial =
    [
        "", " ", "../x", "..%2Fx", "..", ".", "/", "a/b", "..\\x", "%2e%2e", "%00", "\0", "x\0y",
        "a\nkind: Secret", "x: |\n  y", "a\r\nb", "{{", "}}", "{{ .Values.x }}", "\"", "'", "\\", "#", "# c", "a #b", "a:b", ": ",
        "- x", "? x", "---", "...", "*anchor", "&anchor", "!!python/object:os.system", "!tag x", "%YAML 1.1", "@x", "`x`", "|", ">",
        "yes", "no", "on", "off", "null", "~", "true", "NaN", "Infinity", "-Infinity", "0x1F", "0o17", "007", "1_000", "1e3", "2026-01-17", "12:30",
        "ｎｓ", "n\u0455", "\u0430dmin", "a\u200Bb", "\u202Eevil", "\uFEFFx", "\u2028", "x\u2029y", "a\u0085b", "\u001b[31m", "\t", "\u00A0",
        "\ud800", "x\udfffy", "😀", "ß", "İ",
        new string('a', 63), new string('a', 64), new string('a', 254), "UPPER", "under_score", "-dash", "dash-", "a..b",
        "registry.example.com/risk/fraud-mm:1.4.2\nkind: Secret", "registry.example.com/risk/fraud-mm:1.4.2 # c",
        "registry.example.com/risk/fraud-mm:1.4.2#x", "registry.example.com:5000/risk/fraud-mm:1.4.2", "localhost:5000/x:y",
        "registry.example.com/risk/fraud-mm@sha256:" + new string('a', 64), "registry.example.com/risk/fraud-mm:" + new string('1', 129),
        "a:b:c", "fraud-mm", "1.4.2\n", "1.4.2 #x", "1.4.2:x", "v1", "1.4.2-rc.1", "AR-1\nkind: Secret", "AR-1 # c",
        "example.com/x", "a.b/c_d", "controlplane.io/rollout-phase", "kubernetes.io/x", "-x/y", "a/b/c",
        "nvidia-a100", "psi", "data-drift", "online", "batch", "monthly", "USD", "deny", "warn",
    ];

    /// <summary>Number tokens that overflow, underflow or hide in strings; some are valid where a number goes.</summary>
    public static readonly string[] NumberTokens =
    [
        "0", "1", "-1", "-0", "0.5", "1.0", "1E2", "70", "100", "101", "65536", "2147483647", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890",
        "1e308", "-1e308", "1.7976931348623157e308", "1e400", "-1e400", "1e-400", "4.9e-324", "1e-7",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1\"", "\"1e400\"", "\"\"",
    ];

    /// <summary>Tokens that no JSON parser should accept.</summary>
    public static readonly string[] BrokenTokens =
    [
        "NaN", "Infinity", "-Infinity", "undefined", "01", "+1", ".5", "1.", "1e", "-", "0x10", "tru", "nul", "'x'", "\"abc", "\"\\u12\"", "\"\\x41\"",
        "{", "}", "[", "]", "[1,", "{\"a\"}", "{\"a\":}", "[1,,2]", "{,}", "\"a\"\"b\"", "/* c */1", "// c\n1",
    ];

    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82]];

    public static readonly Gen<string> Strings = Gen.Frequency(
        (30, Gen.OneOf(Adversarial)),
        (10, Gen.String[0, 40]),
        (10, Gen.Select(Gen.OneOf("c-home", "nvidia-a100", "1.4.2", "registry.example.com/risk/fraud-mm:1.4.2", "AR-2026-0117"), Gen.OneOf(Adversarial), (a, b) => a + b)),
        (1, Gen.Const(() => new string('x', 1 << 20))));

    /// <summary>A string as a JSON token, escaped as a cautious writer does or sent as raw UTF-8.</summary>
    public static readonly Gen<byte[]> StringTokens = Gen.Select(Strings, Gen.Bool, (s, raw) => Utf8(raw ? JsonSerializer.Serialize(s, Raw) : JsonSerializer.Serialize(s)));

    public static readonly Gen<byte[]> NumberTokenBytes = Gen.Frequency(
        (6, Gen.OneOf(NumberTokens).Select(Utf8)),
        (2, Gen.Double.Select(d => Utf8(JsonSerializer.Serialize(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))),
        (2, Gen.Long.Select(l => Utf8(l.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

    /// <summary>One hostile JSON value: wrong types, extreme numbers, broken tokens, invalid UTF-8, deep or huge nesting.</summary>
    public static readonly Gen<byte[]> Values = Leaf().SelectMany(leaf => Gen.Frequency(
        (20, Gen.Const(leaf)),
        (2, Gen.Int[1, 4].Select(n => ArrayOf(Enumerable.Repeat(leaf, n)))),
        (2, Gen.Select(Strings, s => Concat(Utf8("{"), Utf8(JsonSerializer.Serialize(s)), Utf8(":"), leaf, Utf8("}")))),
        (1, Gen.Int[31, 40].Select(depth => Utf8(new string('[', depth) + new string(']', depth)))),
        (1, Gen.Const(() => Utf8(new string('[', 10_000) + new string(']', 10_000)))),
        (1, Gen.Const(() => Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000))))));

    private static Gen<byte[]> Leaf() => Gen.Frequency(
        (25, StringTokens),
        (20, NumberTokenBytes),
        (8, Gen.OneOf("true", "false", "null", "{}", "[]", "\"\"", "[null]", "{\"\":null}").Select(Utf8)),
        (5, Gen.Select(Gen.OneOf(InvalidUtf8), Gen.Bool, (bad, quoted) => quoted ? Concat(Utf8("\"a"), bad, Utf8("b\"")) : bad)),
        (5, Gen.OneOf(BrokenTokens).Select(Utf8)));

    /// <summary>Text-level damage to a whole body: cut short, invalid bytes inside, nesting past any limit, junk around it.</summary>
    public static Gen<byte[]> Corrupted(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Gen.Frequency(
            (4, Gen.Int[0, Math.Max(0, body.Length - 1)].Select(cut => body[..cut])),
            (4, Gen.Select(Gen.Int[0, body.Length], Gen.OneOf(InvalidUtf8), (at, bad) => (byte[])[.. body[..at], .. bad, .. body[at..]])),
            (1, Gen.Const(() => Utf8(new string('[', 10_000)))),
            (1, Gen.Const(() => (byte[])[.. Utf8(new string('[', 10_000)), .. body, .. Utf8(new string(']', 10_000))])),
            (2, Gen.OneOf("", " ", "\uFEFF", "null", "[]", "{}", "\"\"", "0").Select(Utf8)),
            (2, Gen.OneOf<byte[]>([0xEF, 0xBB, 0xBF], Utf8(" "), Utf8("x"), Utf8("}"), Utf8("{}")).Select(junk => (byte[])[.. body, .. junk])),
            (1, Gen.Const(() => (byte[])[0xEF, 0xBB, 0xBF, .. body])));
    }

    /// <summary>
    /// <paramref name="valid"/> with one thing changed: a value replaced, removed or nulled, an unknown or duplicated
    /// member, the whole body swapped, or the text damaged; now and then left as it is so that it is accepted.
    /// </summary>
    public static Gen<(byte[] Body, string Mutation)> Mutations(JsonNode valid, Gen<(string Key, byte[] Value)>? extraMember = null)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var slots = JsonSlot.All(valid).ToArray();
        var members = slots.Where(s => s.Key is not null).ToArray();
        var objects = JsonSlot.Objects(valid).ToArray();
        var serialized = Utf8(valid.ToJsonString());
        var mutations = new List<(int, IGen<(byte[], string)>)>
        {
            (12, Gen.Const((serialized, "unchanged"))),
            (30, Gen.Select(Gen.OneOf(slots), Values, (slot, value) => (slot.Replace(valid, value), $"{slot} = hostile value"))),
            (6, Gen.OneOf(slots).Select(slot => (slot.Remove(valid), $"{slot} removed"))),
            (5, Gen.OneOf(slots).Select(slot => (slot.Replace(valid, Utf8("null")), $"{slot} = null"))),
            (6, Gen.Select(Gen.OneOf(objects), Strings, Values, (at, key, value) => (at.AddMember(valid, key, value), $"{at} + unknown member"))),
            (6, Gen.Select(Gen.OneOf(members), Values, (slot, value) => (slot.Duplicate(valid, value), $"{slot} duplicated"))),
            (5, Values.Select(value => (value, "whole body replaced"))),
            (8, Corrupted(serialized).Select(body => (body, "text corrupted"))),
        };
        if (extraMember is not null)
            mutations.Add((12, extraMember.Select(m => (JsonSlot.AddMemberAt(valid, ["annotations"], m.Key, m.Value), "annotations + hostile entry"))));
        return Gen.Frequency([.. mutations]);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    public static byte[] ArrayOf(IEnumerable<byte[]> items) =>
        Concat([Utf8("["), .. items.SelectMany((item, i) => i == 0 ? [item] : new[] { Utf8(","), item }), Utf8("]")]);
}
