using Orleans.Storage;

namespace ControlPlane.Storage.Sqlite;

/// <summary>Settings of one named SQLite grain store.</summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>Path of the database file (required); its directory is created when missing.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>
    /// Durability of commits. The journal is always WAL: with <see cref="SqliteSynchronousMode.Normal"/> (default)
    /// a committed write survives a process crash but may be lost on power loss; <see cref="SqliteSynchronousMode.Full"/>
    /// also survives power loss, at roughly a quarter of the write rate.
    /// </summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Normal;

    /// <summary>How long a statement waits for a lock held by another connection to the same file.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Serializer of state payloads; null means the Orleans binary serializer.</summary>
    public IGrainStorageSerializer? GrainStorageSerializer { get; set; }
}
