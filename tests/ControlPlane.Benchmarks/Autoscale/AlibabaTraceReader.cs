using System.Globalization;

namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>
/// Alibaba GenAI 2026 (Stable Diffusion serving): demand is the sum of <c>Generative Requests</c> QPS over all
/// containers per sampling window; a window in which no container reported is zero demand (the trace only
/// lists containers that served requests). Per-replica capacity is the fleet's QPS per fully busy GPU: the sum
/// of all generative QPS divided by the sum of the duty-cycle fractions of the same containers (joined on
/// <c>container_ip</c>) over the trace.
/// </summary>
public static class AlibabaTraceReader
{
    public const string Name = "alibaba-genai-2026";
    public const double StepSeconds = 57; // the sampling interval both files share
    private const string Generative = "Generative Requests";

    public static DemandTrace Read(string directory, int? maxRows = null)
    {
        var perWindow = new SortedDictionary<long, double>();
        var containers = new HashSet<string>(StringComparer.Ordinal);
        double totalQps = 0;
        foreach (var row in TarGzCsv.Rows(Path.Combine(directory, "alibaba-genai-2026-qps.tar.gz"), "qps.csv", maxRows))
        {
            // timestamp_anon,value,container_ip,request_type
            if (row.Length < 4 || row[3] != Generative) continue;
            var at = (long)double.Parse(row[0], CultureInfo.InvariantCulture);
            var qps = double.Parse(row[1], CultureInfo.InvariantCulture);
            perWindow[at] = perWindow.GetValueOrDefault(at) + qps;
            containers.Add(row[2]);
            totalQps += qps;
        }
        if (perWindow.Count == 0) throw new InvalidDataException("the Alibaba QPS file holds no generative requests");

        double busyGpus = 0;
        foreach (var row in TarGzCsv.Rows(Path.Combine(directory, "alibaba-genai-2026-pod-gpu-duty-cycle.tar.gz"), "pod_gpu_duty_cycle_anon.csv"))
        {
            // value,timestamp_anon,container_ip
            if (row.Length >= 3 && containers.Contains(row[2])) busyGpus += double.Parse(row[0], CultureInfo.InvariantCulture) / 100;
        }
        if (busyGpus <= 0) throw new InvalidDataException("no duty-cycle rows for the serving containers");

        var (first, last) = (perWindow.Keys.First(), perWindow.Keys.Last());
        var steps = (int)Math.Round((last - first) / StepSeconds) + 1;
        var demand = new double[steps];
        foreach (var (at, qps) in perWindow) demand[(int)Math.Round((at - first) / StepSeconds)] += qps;
        var capacity = totalQps / busyGpus;
        return new DemandTrace(Name, StepSeconds, demand, capacity, "QPS",
            string.Create(CultureInfo.InvariantCulture,
                $"{capacity:0.###} QPS per replica = Σ generative QPS / Σ GPU duty-cycle fraction of the {containers.Count} serving containers"));
    }
}
