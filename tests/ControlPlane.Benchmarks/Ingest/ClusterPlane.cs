using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ControlPlane.Silo.Security;

namespace ControlPlane.Benchmarks.Ingest;

/// <summary>
/// A control plane in redis cluster mode, as separate processes: Debian's redis-server on a free port, a bare Git remote,
/// and N silos (<c>dotnet ControlPlane.Silo.dll</c>) sharing both, each with its own ports and data directory.
/// Everything lives under one temp directory; dispose (or the benchmark's exit) kills every process and deletes it.
/// </summary>
public sealed class ClusterPlane : IAsyncDisposable
{
    private const string RedisExecutable = "/usr/bin/redis-server";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly string Key = ApiKeyHash.Generate();

    private readonly string _root;
    private readonly List<ChildProcess> _processes = [];
    private readonly List<HttpClient> _clients = [];

    private ClusterPlane(string root) => _root = root;

    /// <summary>One admin client per silo gateway, in silo order.</summary>
    public IReadOnlyList<HttpClient> Gateways => _clients;

    public static async Task<ClusterPlane> StartAsync(int silos)
    {
        if (!File.Exists(RedisExecutable))
            throw new InvalidOperationException($"{RedisExecutable} is missing: install Debian's redis-server package.");
        var plane = new ClusterPlane(Path.Combine(Path.GetTempPath(), "controlplane-bench-cluster-" + Guid.NewGuid().ToString("N")));
        try
        {
            await plane.Start(silos);
            return plane;
        }
        catch
        {
            await plane.DisposeAsync();
            throw;
        }
    }

    private async Task Start(int silos)
    {
        var redisDirectory = Path.Combine(_root, "redis");
        Directory.CreateDirectory(redisDirectory);
        var remote = Path.Combine(_root, "remote.git");
        GitProcess.Run(_root, "init", "--bare", "--quiet", "--initial-branch=main", remote);

        var redisPort = FreePort();
        var redis = Track(ChildProcess.Start(RedisExecutable,
        [
            "--port", redisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", redisDirectory,
            // as README "Scaling out" runs it: acknowledged state survives a restart
            "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--protected-mode", "no",
        ]));
        await Until(() => RedisAnswers(redisPort), () => redis.HasExited ? $"redis-server exited:\n{redis.Output}" : null, $"redis-server on port {redisPort}");

        var assembly = SiloAssembly();
        var starting = new List<(ChildProcess Process, HttpClient Client)>();
        for (var i = 0; i < silos; i++)
        {
            var httpPort = FreePort();
            var settings = new Dictionary<string, string>
            {
                ["urls"] = $"http://127.0.0.1:{httpPort}",
                ["ControlPlane:Cluster:Mode"] = "redis",
                ["ControlPlane:Cluster:Redis"] = $"127.0.0.1:{redisPort}",
                ["ControlPlane:Cluster:ClusterId"] = "bench",
                ["ControlPlane:Cluster:AdvertisedAddress"] = "127.0.0.1",
                ["ControlPlane:Cluster:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
                ["ControlPlane:Cluster:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
                ["ControlPlane:DataDirectory"] = Path.Combine(_root, $"silo-{i}"),
                ["ControlPlane:Git:RemoteUrl"] = remote,
                ["ControlPlane:Auth:ApiKeys:0:Name"] = "bench",
                ["ControlPlane:Auth:ApiKeys:0:Role"] = "admin",
                ["ControlPlane:Auth:ApiKeys:0:Sha256"] = ApiKeyHash.Sha256Hex(Key),
                // The driver measures the plane, not the limiter (as the embedded plane).
                ["ControlPlane:Auth:RateLimit:PermitsPerSecond"] = "1000000",
                ["ControlPlane:Auth:RateLimit:Burst"] = "1000000",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            var process = Track(ChildProcess.Start("dotnet", [assembly, .. settings.Select(s => $"--{s.Key}={s.Value}")], Path.GetDirectoryName(assembly)));
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, Key);
            _clients.Add(client);
            starting.Add((process, client));
        }
        foreach (var (process, client) in starting)
            await Until(() => Ready(client), () => process.HasExited ? $"a silo exited:\n{process.Output}" : null, $"silo {client.BaseAddress} becoming ready");
    }

    /// <summary>The silo next to the benchmark (the project reference copies it), else the silo project's own output of the same configuration.</summary>
    private static string SiloAssembly()
    {
        var here = Path.Combine(AppContext.BaseDirectory, "ControlPlane.Silo.dll");
        if (File.Exists(here) && File.Exists(Path.Combine(AppContext.BaseDirectory, "ControlPlane.Silo.runtimeconfig.json"))) return here;
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var repository = output.Parent?.Parent?.Parent?.Parent?.Parent?.FullName
            ?? throw new InvalidOperationException($"cannot find the silo from {AppContext.BaseDirectory}");
        var own = Path.Combine(repository, "silo", "ControlPlane.Silo", "bin", output.Parent!.Name, output.Name, "ControlPlane.Silo.dll");
        return File.Exists(own) ? own : throw new InvalidOperationException($"the silo is not built at {here} nor at {own}");
    }

    private ChildProcess Track(ChildProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private static async Task Until(Func<Task<bool>> condition, Func<string?> failed, string what)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (failed() is { } reason) throw new InvalidOperationException(reason);
            if (await condition()) return;
            await Task.Delay(200); // polling a starting process
        }
        throw new TimeoutException($"{what}: not within {StartTimeout.TotalSeconds:0} s");
    }

    private static async Task<bool> Ready(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/readyz");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> RedisAnswers(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        // Silos first, Redis (the first process) last, so that no silo outlives it retrying.
        for (var i = _processes.Count - 1; i >= 0; i--) _processes[i].Dispose();
        try
        {
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a process's file still closing: the temp dir is left behind, not the process
        }
        catch (UnauthorizedAccessException)
        {
            // git objects are read-only on some systems
        }
        return ValueTask.CompletedTask;
    }
}
