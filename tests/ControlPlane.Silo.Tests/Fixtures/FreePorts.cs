using System.Net;
using System.Net.Sockets;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>TCP ports that were free on loopback a moment ago, picked by the operating system.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Two distinct free ports, for a silo and its client gateway.</summary>
    public static (int Silo, int Gateway) Pair()
    {
        // Hold the first listener open so the second bind cannot return the same port.
        using var first = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        var silo = ((IPEndPoint)first.LocalEndpoint).Port;
        var gateway = Next();
        first.Stop();
        return (silo, gateway);
    }
}
