using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ControlPlane.Policies;

/// <summary>Reads YAML text into the plain shapes CEL can navigate: string-keyed dictionaries, lists, long, double, bool, string and null.</summary>
internal static class YamlDocuments
{
    /// <summary>Every document in the text, in order; throws <see cref="YamlException"/> when the text is not valid YAML.</summary>
    public static IReadOnlyList<object?> Parse(string text)
    {
        var parser = new Parser(new StringReader(text));
        var documents = new List<object?>();
        parser.Consume<StreamStart>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            documents.Add(ReadNode(parser, new Dictionary<string, object?>(StringComparer.Ordinal), 0));
            parser.Consume<DocumentEnd>();
        }
        parser.Consume<StreamEnd>();
        return documents;
    }

    // Deep enough for any manifest; a deeper one would otherwise end the process with a stack overflow.
    private const int MaxDepth = 100;

    private static object? ReadNode(IParser parser, Dictionary<string, object?> anchors, int depth)
    {
        if (depth > MaxDepth) throw new YamlException($"nesting deeper than {MaxDepth} levels");
        if (parser.TryConsume<AnchorAlias>(out var alias))
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value.Value} names no anchor defined before it");
        var start = parser.Current as NodeEvent ?? throw new YamlException("expected a YAML node");
        object? node = start switch
        {
            Scalar scalar => YamlScalars.Resolve(scalar),
            SequenceStart => ReadSequence(parser, anchors, depth + 1),
            MappingStart => ReadMapping(parser, anchors, depth + 1),
            _ => throw new YamlException(start.Start, start.End, $"unexpected {start.GetType().Name}"),
        };
        if (start is Scalar) parser.MoveNext();
        if (!start.Anchor.IsEmpty) anchors[start.Anchor.Value] = node;
        return node;
    }

    private static List<object?> ReadSequence(IParser parser, Dictionary<string, object?> anchors, int depth)
    {
        parser.Consume<SequenceStart>();
        var list = new List<object?>();
        while (!parser.TryConsume<SequenceEnd>(out _)) list.Add(ReadNode(parser, anchors, depth));
        return list;
    }

    private static Dictionary<string, object?> ReadMapping(IParser parser, Dictionary<string, object?> anchors, int depth)
    {
        parser.Consume<MappingStart>();
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (!parser.Accept<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            var key = ReadNode(parser, anchors, depth) switch
            {
                string s => s,
                null => "null",
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => throw new YamlException(keyEvent.Start, keyEvent.End, "a mapping key must be a scalar"),
            };
            // Kubernetes rejects duplicate keys; silently keeping one of them could hide what a policy should see.
            if (!map.TryAdd(key, ReadNode(parser, anchors, depth)))
                throw new YamlException(keyEvent.Start, keyEvent.End, $"duplicate key '{key}'");
        }
        parser.Consume<MappingEnd>();
        return map;
    }
}
