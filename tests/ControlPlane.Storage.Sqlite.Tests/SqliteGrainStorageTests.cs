using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;

namespace ControlPlane.Storage.Sqlite.Tests;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private const string StateName = "s";
    private static readonly GrainId Grain = GrainId.Create("counter", "a");
    private readonly SqliteStoreFixture _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task ReadState_NoRecord_ReturnsFreshStateWithoutEtag()
    {
        var state = await ReadAsync(_stores.Open());

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(new CounterState(), state.State);
    }

    [Fact]
    public async Task WriteState_ReadInFreshStorage_ReturnsSameStateAndEtag()
    {
        var written = await WriteNewAsync(_stores.Open(), new CounterState { Value = 7, Label = "seven" });

        var read = await ReadAsync(_stores.Open());

        Assert.True(read.RecordExists);
        Assert.Equal(written.State, read.State);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteState_StaleEtag_ThrowsInconsistentStateAndKeepsFirstWrite()
    {
        var storage = _stores.Open();
        await WriteNewAsync(storage, new CounterState { Value = 1 });
        var first = await ReadAsync(storage);
        var second = await ReadAsync(storage);

        first.State = new CounterState { Value = 2 };
        await storage.WriteStateAsync(StateName, Grain, first);
        second.State = new CounterState { Value = 3 };
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, Grain, second));

        Assert.Equal(first.ETag, conflict.StoredEtag);
        Assert.Equal(second.ETag, conflict.CurrentEtag);
        Assert.Equal(first.State, (await ReadAsync(_stores.Open())).State);
    }

    [Fact]
    public async Task WriteState_NullEtagWhenRecordExists_ThrowsInconsistentState()
    {
        var storage = _stores.Open();
        var existing = await WriteNewAsync(storage, new CounterState { Value = 1 });

        var blind = new GrainState<CounterState>(new CounterState { Value = 9 });
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, Grain, blind));

        Assert.Equal(existing.ETag, conflict.StoredEtag);
        Assert.Equal(existing.State, (await ReadAsync(storage)).State);
    }

    [Fact]
    public async Task WriteState_StorageReopened_ReadsStateBack()
    {
        var first = _stores.Open();
        var written = await WriteNewAsync(first, new CounterState { Value = 42 });
        await first.DisposeAsync();

        var read = await ReadAsync(_stores.Open());

        Assert.True(read.RecordExists);
        Assert.Equal(written.State, read.State);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task ClearState_RecordExists_RemovesRecordAndResetsState()
    {
        var storage = _stores.Open();
        var state = await WriteNewAsync(storage, new CounterState { Value = 5 });

        await storage.ClearStateAsync(StateName, Grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(new CounterState(), state.State);
        Assert.False((await ReadAsync(_stores.Open())).RecordExists);
    }

    [Fact]
    public async Task ClearState_StaleEtag_ThrowsInconsistentStateAndKeepsRecord()
    {
        var storage = _stores.Open();
        var stale = await WriteNewAsync(storage, new CounterState { Value = 1 });
        var fresh = await ReadAsync(storage);
        await storage.WriteStateAsync(StateName, Grain, fresh);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, Grain, stale));

        Assert.True((await ReadAsync(storage)).RecordExists);
    }

    [Fact]
    public async Task WriteState_FakeClock_StoresUpdatedAtFromTimeProvider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

        await WriteNewAsync(_stores.Open(clock), new CounterState { Value = 1 });

        Assert.Equal("2030-01-02T03:04:05.0000000+00:00", await QueryAsync("SELECT updated_at FROM grain_state;"));
    }

    [Fact]
    public async Task WriteState_NewDatabase_UsesWalJournal()
    {
        await WriteNewAsync(_stores.Open(), new CounterState());

        Assert.Equal("wal", await QueryAsync("PRAGMA journal_mode;"));
    }

    private static async Task<GrainState<CounterState>> ReadAsync(SqliteGrainStorage storage)
    {
        var state = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, Grain, state);
        return state;
    }

    private static async Task<GrainState<CounterState>> WriteNewAsync(SqliteGrainStorage storage, CounterState value)
    {
        var state = new GrainState<CounterState>(value);
        await storage.WriteStateAsync(StateName, Grain, state);
        return state;
    }

    private async Task<object?> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_stores.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
