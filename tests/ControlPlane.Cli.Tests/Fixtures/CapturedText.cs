using System.Text;

namespace ControlPlane.Cli.Tests.Fixtures;

/// <summary>A writer the CLI prints to while the test reads what it has printed so far (a tail runs concurrently).</summary>
public sealed class CapturedText : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate) _text.Append(value);
    }

    public override void Write(string? value)
    {
        lock (_gate) _text.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate) _text.Append(buffer, index, count);
    }

    public override string ToString()
    {
        lock (_gate) return _text.ToString();
    }
}
