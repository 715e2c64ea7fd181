using System.Net;
using System.Net.Sockets;

namespace ControlPlane.Cli.Tests.Fixtures;

/// <summary>Loopback ports: free ones for the silo, and one nothing listens on for "cannot connect".</summary>
public static class LoopbackPorts
{
    /// <summary>A port that was free a moment ago, picked by the operating system.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Two distinct free ports: the first is held while the second is picked.</summary>
    public static (int First, int Second) FreePair()
    {
        using var first = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        return (((IPEndPoint)first.LocalEndpoint).Port, Free());
    }
}
