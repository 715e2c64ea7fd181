using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace ControlPlane.Storage.Sqlite.Tests;

/// <summary>Opens <see cref="SqliteGrainStorage"/> instances on one database file in a temp directory it deletes.</summary>
public sealed class SqliteStoreFixture : IDisposable
{
    private static readonly ServiceProvider Serialization = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly List<SqliteGrainStorage> _opened = [];

    public SqliteStoreFixture()
    {
        RootDirectory = Path.Combine(Path.GetTempPath(), "controlplane-sqlite-tests", Guid.NewGuid().ToString("N"));
        // A directory that does not exist yet: the store must create it.
        DatabasePath = Path.Combine(RootDirectory, "data", "grains.db");
    }

    public string RootDirectory { get; }

    public string DatabasePath { get; }

    public SqliteGrainStorage Open(TimeProvider? time = null)
    {
        var storage = new SqliteGrainStorage(
            "test",
            new SqliteGrainStorageOptions { DatabasePath = DatabasePath },
            new OrleansGrainStorageSerializer(Serialization.GetRequiredService<Serializer>()),
            Serialization.GetRequiredService<IActivatorProvider>(),
            time ?? TimeProvider.System,
            NullLogger<SqliteGrainStorage>.Instance);
        _opened.Add(storage);
        return storage;
    }

    public void Dispose()
    {
        foreach (var storage in _opened)
        {
            storage.Dispose();
        }

        if (Directory.Exists(RootDirectory))
        {
            Directory.Delete(RootDirectory, recursive: true);
        }
    }
}
