using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace ControlPlane.Storage.Sqlite;

/// <summary>Orleans grain storage in one SQLite file, with optimistic concurrency on etags.</summary>
public sealed class SqliteGrainStorage(
    string name,
    SqliteGrainStorageOptions options,
    IGrainStorageSerializer serializer,
    IActivatorProvider activators,
    TimeProvider time,
    ILogger<SqliteGrainStorage> logger) : IGrainStorage, IAsyncDisposable, IDisposable
{
    private readonly SqliteGrainStateConnection _connection = new(name, options, logger);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var row = await _connection.RunAsync(async (command, ct) =>
        {
            Prepare(command, GrainStateSql.Read, stateName, grainId);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false)
                ? (ETag: reader.GetString(0), Payload: reader.GetFieldValue<byte[]>(1))
                : ((string ETag, byte[] Payload)?)null;
        }, cancellationToken).ConfigureAwait(false);

        if (row is not { } stored)
        {
            Reset(grainState);
            return;
        }

        grainState.State = serializer.Deserialize<T>(BinaryData.FromBytes(stored.Payload));
        grainState.ETag = stored.ETag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = grainState.ETag;
        var etag = Guid.NewGuid().ToString("N");
        var payload = serializer.Serialize(grainState.State).ToArray();
        var updatedAt = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

        // A null etag means the caller saw no record, so only an insert is consistent with its view.
        var sql = expected is null ? GrainStateSql.Insert : GrainStateSql.Update;
        var (changed, stored) = await ExecuteCheckedAsync(sql, stateName, grainId, command =>
        {
            command.Parameters.AddWithValue("$etag", etag);
            command.Parameters.AddWithValue("$payload", payload);
            command.Parameters.AddWithValue("$updated", updatedAt);
            command.Parameters.AddWithValue("$expected", (object?)expected ?? DBNull.Value);
        }, cancellationToken).ConfigureAwait(false);

        if (!changed)
        {
            throw Conflict("write", stateName, grainId, stored, expected);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = grainState.ETag;
        var (changed, stored) = await ExecuteCheckedAsync(GrainStateSql.Delete, stateName, grainId, command =>
            command.Parameters.AddWithValue("$expected", (object?)expected ?? DBNull.Value), cancellationToken).ConfigureAwait(false);

        // Clearing what the caller already knows to be absent is a no-op, not a conflict.
        if (!changed && !(expected is null && stored is null))
        {
            throw Conflict("clear", stateName, grainId, stored, expected);
        }

        Reset(grainState);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    public void Dispose() => _connection.Dispose();

    private Task<(bool Changed, string? StoredEtag)> ExecuteCheckedAsync(
        string sql, string stateName, GrainId grainId, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        _connection.RunAsync(async (command, ct) =>
        {
            Prepare(command, sql, stateName, grainId);
            bind(command);
            if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
            {
                return (true, null);
            }

            // Read the etag that beat us under the same lock, so the conflict reports what is really stored.
            Prepare(command, GrainStateSql.ReadEtag, stateName, grainId);
            return (false, await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string);
        }, cancellationToken);

    private static void Prepare(SqliteCommand command, string sql, string stateName, GrainId grainId)
    {
        command.Parameters.Clear();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$type", grainId.Type.ToString());
        command.Parameters.AddWithValue("$id", grainId.Key.ToString());
    }

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? stored, string? expected)
    {
        logger.EtagConflict(operation, stateName, grainId, name, stored, expected);
        return new InconsistentStateException(
            $"Etag conflict on {operation} of '{stateName}' for {grainId} in grain store '{name}': stored {stored ?? "(none)"}, expected {expected ?? "(none)"}.",
            stored,
            expected);
    }

    private void Reset<T>(IGrainState<T> grainState)
    {
        grainState.State = activators.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }
}
