using System.Collections;
using System.Globalization;
using Cel;
using Google.Protobuf.Reflection;

namespace ControlPlane.Policies;

/// <summary>A CEL environment with the Kubernetes functions policies commonly use that the Cel package lacks.</summary>
internal static class CelLibrary
{
    public static CelEnvironment Create()
    {
        var environment = new CelEnvironment(Array.Empty<FileDescriptor>(), "");
        RegisterStrings(environment);
        RegisterSizeConversions(environment);
        QuantityFunctions.Register(environment);
        return environment;
    }

    // The Kubernetes string extension library (cel-go ext.Strings), the subset policies reach for.
    private static void RegisterStrings(CelEnvironment environment)
    {
        environment.RegisterFunction("lowerAscii", [typeof(string)], a => Ascii((string)a[0]!, 'A', 'Z', 32));
        environment.RegisterFunction("upperAscii", [typeof(string)], a => Ascii((string)a[0]!, 'a', 'z', -32));
        environment.RegisterFunction("trim", [typeof(string)], a => ((string)a[0]!).Trim());
        environment.RegisterFunction("replace", [typeof(string), typeof(string), typeof(string)],
            a => ((string)a[0]!).Replace((string)a[1]!, (string)a[2]!, StringComparison.Ordinal));
        environment.RegisterFunction("split", [typeof(string), typeof(string)],
            a => ((string)a[0]!).Split((string)a[1]!).Cast<object?>().ToList());
        environment.RegisterFunction("join", [typeof(IList)], a => Join((IList)a[0]!, ""));
        environment.RegisterFunction("join", [typeof(IList), typeof(string)], a => Join((IList)a[0]!, (string)a[1]!));
    }

    // size() answers a .NET int, which string(), int() and double() do not accept: convert it as CEL's int would.
    private static void RegisterSizeConversions(CelEnvironment environment)
    {
        environment.RegisterFunction("string", [typeof(int)], a => ((int)a[0]!).ToString(CultureInfo.InvariantCulture));
        environment.RegisterFunction("int", [typeof(int)], a => (long)(int)a[0]!);
        environment.RegisterFunction("double", [typeof(int)], a => (double)(int)a[0]!);
    }

    private static string Ascii(string text, char from, char to, int shift) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] >= from && source[i] <= to ? (char)(source[i] + shift) : source[i];
        });

    private static string Join(IList items, string separator) =>
        string.Join(separator, items.Cast<object?>().Select(i => i as string ?? throw new CelNoSuchOverloadException("join() takes a list of strings")));
}
