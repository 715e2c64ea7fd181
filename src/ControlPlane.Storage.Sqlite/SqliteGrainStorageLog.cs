using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace ControlPlane.Storage.Sqlite;

/// <summary>Source-generated log messages of the SQLite grain store.</summary>
internal static partial class SqliteGrainStorageLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Opened grain store {StoreName} at {DatabasePath} (journal {JournalMode}, synchronous {Synchronous})")]
    public static partial void Opened(
        this ILogger logger, string storeName, string databasePath, string? journalMode, SqliteSynchronousMode synchronous);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Etag conflict on {Operation} of {StateName} for {GrainId} in grain store {StoreName}: stored {StoredEtag}, expected {ExpectedEtag}")]
    public static partial void EtagConflict(
        this ILogger logger, string operation, string stateName, GrainId grainId, string storeName, string? storedEtag, string? expectedEtag);
}
