namespace ControlPlane.Storage.Sqlite;

/// <summary>SQLite <c>PRAGMA synchronous</c> level used with the WAL journal.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Committed writes survive a process crash; the last commits may be lost on power loss.</summary>
    Normal,

    /// <summary>Committed writes also survive power loss, at a much lower write rate.</summary>
    Full,
}
