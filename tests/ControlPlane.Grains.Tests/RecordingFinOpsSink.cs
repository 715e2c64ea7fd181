using System.Collections.Concurrent;

namespace ControlPlane.Grains.Tests;

/// <summary>A sink that keeps what the silos published, standing in for the webhook queue.</summary>
public sealed class RecordingFinOpsSink : IFinOpsEventSink
{
    public ConcurrentQueue<Decision> Published { get; } = new();

    public void Publish(Decision finOpsEvent) => Published.Enqueue(finOpsEvent);

    /// <summary>The events about one budget, in order.</summary>
    public IReadOnlyList<Decision> For(string budget) => Published.Where(d => d.Model == $"budget:{budget}").ToList();
}
