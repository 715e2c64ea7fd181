using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>
/// A logger provider that keeps every entry at every level, with its message, exception, structured values
/// and scopes, so a test can read everything the plane would have written to any log sink.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Adds this provider at Trace for every category, whatever the configured levels say.</summary>
    public void AddTo(IServiceCollection services) => services.AddLogging(logging => logging
        .AddProvider(this)
        .AddFilter<CapturedLogs>(null, LogLevel.Trace)); // a provider's own rule outranks the configured defaults

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"scope {category}: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            lines.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)} | {Describe(state)} | {exception}");
        }

        private static string Describe(object? state)
        {
            if (state is not IEnumerable<KeyValuePair<string, object?>> values) return state?.ToString() ?? "";
            var text = new StringBuilder();
            foreach (var (key, value) in values) text.Append(key).Append('=').Append(value).Append("; ");
            return text.ToString();
        }
    }
}
