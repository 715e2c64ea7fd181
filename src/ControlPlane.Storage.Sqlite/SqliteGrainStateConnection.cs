using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Storage.Sqlite;

/// <summary>The single connection of a store: opened on first use, one statement batch at a time.</summary>
internal sealed class SqliteGrainStateConnection(string storeName, SqliteGrainStorageOptions options, ILogger logger)
    : IAsyncDisposable, IDisposable
{
    // SQLite has one writer per file anyway; a single connection behind an async gate keeps etag checks atomic.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    public async Task<TResult> RunAsync<TResult>(
        Func<SqliteCommand, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = _connection ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            return await work(command, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
        _gate.Dispose();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            throw new InvalidOperationException($"Grain store '{storeName}' has no DatabasePath.");
        }

        var path = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // No pooling: this store holds its one connection for its whole life and must release the file on dispose.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            var busyMs = (long)options.BusyTimeout.TotalMilliseconds;
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyMs};");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            command.CommandText = "PRAGMA journal_mode = WAL;";
            var journal = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;

            command.CommandText = $"PRAGMA synchronous = {Pragma(options.Synchronous)}; {GrainStateSql.CreateTable}";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            logger.Opened(storeName, path, journal, options.Synchronous);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string Pragma(SqliteSynchronousMode mode) => mode switch
    {
        SqliteSynchronousMode.Normal => "NORMAL",
        SqliteSynchronousMode.Full => "FULL",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown synchronous mode."),
    };
}
