using System.Net;
using System.Net.Sockets;

namespace ControlPlane.GitOps.Tests.Fixtures;

/// <summary>
/// A real OpenSSH server on loopback (Debian's openssh-server, which .ci/run installs), accepting one
/// client key for the current user; git over it is a real ssh remote.
/// </summary>
public sealed class SshServer : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SshServer()
    {
        Directory.CreateDirectory("/run/sshd"); // sshd's privilege-separation directory
        var hostKey = _directory.Combine("host_key");
        ClientKey = _directory.Combine("client_key");
        ExternalTool.Run("ssh-keygen", _directory.Path, null, "-q", "-t", "ed25519", "-N", "", "-f", hostKey);
        ExternalTool.Run("ssh-keygen", _directory.Path, null, "-q", "-t", "ed25519", "-N", "", "-f", ClientKey);
        var authorized = _directory.Combine("authorized_keys");
        File.Copy(ClientKey + ".pub", authorized);
        Port = FreePort();
        var config = _directory.Combine("sshd_config");
        File.WriteAllText(config, $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {hostKey}
            AuthorizedKeysFile {authorized}
            PidFile {_directory.Combine("sshd.pid")}
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PermitRootLogin prohibit-password

            """);
        KnownHosts = _directory.Combine("known_hosts");
        File.WriteAllText(KnownHosts, $"[127.0.0.1]:{Port} {string.Join(' ', File.ReadAllText(hostKey + ".pub").Split(' ')[..2])}\n");
        ExternalTool.Run("/usr/sbin/sshd", _directory.Path, null, "-f", config, "-E", _directory.Combine("sshd.log"));
        WaitUntilListening();
    }

    public int Port { get; }
    public string ClientKey { get; }
    public string KnownHosts { get; }
    public static string User => Environment.UserName;

    /// <summary>An ssh URL for a repository at an absolute path on this machine.</summary>
    public string Url(string repositoryPath) => $"ssh://{User}@127.0.0.1:{Port}{repositoryPath}";

    /// <summary>A known_hosts file that names another key for the server: connecting must fail.</summary>
    public string WrongKnownHosts()
    {
        var other = _directory.Combine($"other_{Guid.NewGuid():N}");
        ExternalTool.Run("ssh-keygen", _directory.Path, null, "-q", "-t", "ed25519", "-N", "", "-f", other);
        var file = other + "_known_hosts";
        File.WriteAllText(file, $"[127.0.0.1]:{Port} {string.Join(' ', File.ReadAllText(other + ".pub").Split(' ')[..2])}\n");
        return file;
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Yield(); // polling for the daemon to bind, with a deadline
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        var pidFile = _directory.Combine("sshd.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            try { System.Diagnostics.Process.GetProcessById(pid).Kill(); }
            catch (ArgumentException) { } // already gone
        }
        _directory.Dispose();
    }
}
