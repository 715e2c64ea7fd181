using System.Collections;
using System.Diagnostics;

namespace ControlPlane.Silo.Tests.Tracing;

/// <summary>The in-memory exporter's sink: spans end on many threads, so every access takes the lock.</summary>
public sealed class SpanCollection : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];
    private readonly Lock _lock = new();

    public int Count { get { lock (_lock) return _spans.Count; } }

    public bool IsReadOnly => false;

    public IReadOnlyList<Activity> Snapshot() { lock (_lock) return [.. _spans]; }

    public void Add(Activity item) { lock (_lock) _spans.Add(item); }

    public void Clear() { lock (_lock) _spans.Clear(); }

    public bool Contains(Activity item) { lock (_lock) return _spans.Contains(item); }

    public void CopyTo(Activity[] array, int arrayIndex) { lock (_lock) _spans.CopyTo(array, arrayIndex); }

    public bool Remove(Activity item) { lock (_lock) return _spans.Remove(item); }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
