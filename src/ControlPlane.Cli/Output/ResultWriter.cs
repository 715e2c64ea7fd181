using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ControlPlane.Cli.Output;

/// <summary>Prints a server answer in the chosen format: a table made by the command, or the answer itself as JSON or YAML.</summary>
public sealed class ResultWriter
{
    // Wide enough that a decision line or a policy message is not wrapped when the output goes to a file or a pipe.
    private const int RedirectedWidth = 240;

    private readonly TextWriter _output;
    private readonly IAnsiConsole _console;

    public ResultWriter(TextWriter output, OutputFormat format, bool terminal)
    {
        _output = output;
        Format = format;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!terminal) _console.Profile.Width = RedirectedWidth;
    }

    public OutputFormat Format { get; }

    public void Write(JsonNode? result, Func<JsonNode?, IRenderable> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        switch (Format)
        {
            case OutputFormat.Json: _output.WriteLine(JsonOutput.Format(result)); break;
            case OutputFormat.Yaml: _output.Write(YamlOutput.Format(result)); break;
            default: _console.Write(table(result)); break;
        }
    }

    /// <summary>Like <see cref="Write(JsonNode?, Func{JsonNode?, IRenderable})"/>, with plain lines (never wrapped) in place of a table.</summary>
    public void Write(JsonNode? result, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (Format != OutputFormat.Table)
        {
            Write(result, _ => new Text(""));
            return;
        }
        foreach (var line in lines) _output.WriteLine(line);
    }

    /// <summary>One item of a stream: a line of text, a JSON object per line, or a YAML document.</summary>
    public void WriteItem(JsonNode? item, Func<JsonNode?, string> line)
    {
        ArgumentNullException.ThrowIfNull(line);
        switch (Format)
        {
            case OutputFormat.Json: _output.WriteLine(JsonOutput.Line(item)); break;
            case OutputFormat.Yaml: _output.Write("---" + Environment.NewLine + YamlOutput.Format(item)); break;
            default: _output.WriteLine(line(item)); break;
        }
        _output.Flush();
    }

    public void WriteLine(string text) => _output.WriteLine(text);
}
