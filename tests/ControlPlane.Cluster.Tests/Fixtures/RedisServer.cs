using System.Net.Sockets;
using System.Text;

namespace ControlPlane.Cluster.Tests.Fixtures;

/// <summary>Debian's redis-server on a free loopback port, with an append-only file under its own directory (fsync on every write).</summary>
public sealed class RedisServer : IDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private const string Executable = "/usr/bin/redis-server";
    private ChildProcess? _process;

    private RedisServer(string directory, int port) => (Directory, Port) = (directory, port);

    public string Directory { get; }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(string directory)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: install it with `apt-get install -y redis-server` (.ci/run does).");
        var server = new RedisServer(directory, FreePorts.Next());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server on the same port and directory: it reloads its append-only file.</summary>
    public async Task StartAgainAsync()
    {
        _process = ChildProcess.Start(Executable,
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--dir", Directory, "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--protected-mode", "no",
        ]);
        await Eventually.Until(PingAsync, StartTimeout, $"redis-server answering PING on port {Port}");
    }

    /// <summary>SIGKILL, as a crash would.</summary>
    public void Kill() => _process?.Kill();

    public async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"));
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
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

    public void Dispose() => _process?.Dispose();
}
