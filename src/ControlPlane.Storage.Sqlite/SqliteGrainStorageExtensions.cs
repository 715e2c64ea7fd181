using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace ControlPlane.Storage.Sqlite;

/// <summary>Registers <see cref="SqliteGrainStorage"/> as a named Orleans grain store.</summary>
public static class SqliteGrainStorageExtensions
{
    public static ISiloBuilder AddSqliteGrainStorage(
        this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSqliteGrainStorage(name, configure);
        return builder;
    }

    public static ISiloBuilder AddSqliteGrainStorageAsDefault(
        this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configure) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    public static IServiceCollection AddSqliteGrainStorage(
        this IServiceCollection services, string name, Action<SqliteGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SqliteGrainStorageOptions>(name)
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), $"Grain store '{name}' needs a DatabasePath.")
            .Validate(o => Enum.IsDefined(o.Synchronous), $"Grain store '{name}' has an unknown Synchronous mode.")
            .Validate(o => o.BusyTimeout >= TimeSpan.Zero, $"Grain store '{name}' has a negative BusyTimeout.")
            .ValidateOnStart();
        return services.AddGrainStorage(name, Create);
    }

    private static SqliteGrainStorage Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name);

        // Orleans' registered default is Newtonsoft JSON with assembly-qualified type names; use the Orleans
        // serializer on purpose so state stays readable as long as [Id]s are stable.
        var serializer = options.GrainStorageSerializer
            ?? new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());

        return new SqliteGrainStorage(
            name,
            options,
            serializer,
            services.GetRequiredService<IActivatorProvider>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILogger<SqliteGrainStorage>>());
    }
}
