using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>
/// A STUB of NVIDIA's DCGM exporter on loopback (no GPU here): serves <c>DCGM_FI_DEV_GPU_UTIL</c> in Prometheus
/// text format, one series per pod currently set, labelled as the exporter labels them with Kubernetes mapping on.
/// </summary>
public sealed class DcgmExporterStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile IReadOnlyList<(string Namespace, string Pod, double Utilization)> _pods = [];

    private DcgmExporterStub(WebApplication app) => _app = app;

    /// <summary>Where Prometheus scrapes it: <c>127.0.0.1:PORT</c>.</summary>
    public string Target { get; private set; } = "";

    /// <summary>The pods the exporter reports, each on GPU 0 of a node.</summary>
    public IReadOnlyList<(string Namespace, string Pod, double Utilization)> Pods
    {
        get => _pods;
        set => _pods = [.. value];
    }

    public static async Task<DcgmExporterStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new DcgmExporterStub(app);
        app.MapGet("/metrics", () => Results.Text(stub.Exposition(), "text/plain; version=0.0.4", Encoding.UTF8));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        stub.Target = new Uri(address).Authority;
        return stub;
    }

    private string Exposition()
    {
        var text = new StringBuilder("# HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).\n# TYPE DCGM_FI_DEV_GPU_UTIL gauge\n");
        foreach (var (ns, pod, utilization) in _pods)
            text.Append(CultureInfo.InvariantCulture,
                $"DCGM_FI_DEV_GPU_UTIL{{gpu=\"0\",UUID=\"GPU-5fd2a8e4-0000-4000-8000-000000000000\",device=\"nvidia0\",modelName=\"NVIDIA A100-SXM4-80GB\",Hostname=\"gpu-node-1\",container=\"server\",namespace=\"{ns}\",pod=\"{pod}\"}} {utilization}\n");
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
