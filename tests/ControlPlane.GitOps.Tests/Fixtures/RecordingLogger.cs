using Microsoft.Extensions.Logging;

namespace ControlPlane.GitOps.Tests.Fixtures;

/// <summary>Keeps every log entry with its structured fields, for asserting on what was logged.</summary>
public sealed class RecordingLogger : ILogger
{
    public List<(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : new Dictionary<string, object?>();
        Entries.Add((logLevel, formatter(state, exception), fields));
    }
}
