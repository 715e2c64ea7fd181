using ControlPlane.Core.Decisions;
using ControlPlane.Silo.Api;
using ControlPlane.Silo.Hosting;
using ControlPlane.Silo.Signals;

namespace ControlPlane.Silo.Prometheus;

/// <summary>
/// Every interval asks Prometheus for GPU utilization (DCGM exporter's by default), maps each series to a model
/// by its labels, and publishes the samples to the models' streams like the REST gateway does. A failure is logged
/// once until it changes or polling recovers, and counted in <c>controlplane_prometheus_polls_total</c>.
/// </summary>
public sealed partial class DcgmPoller(
    IHttpClientFactory http,
    SignalPublisher publisher,
    Readiness readiness,
    IOptions<DcgmPollerOptions> options,
    TimeProvider time,
    ILogger<DcgmPoller> logger) : BackgroundService
{
    private const int RememberedSkips = 1000;
    private readonly HashSet<string> _skipsLogged = new(StringComparer.Ordinal);
    private string? _lastError;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var mapping = new DcgmSeriesMapping(o.ModelLabel.Length > 0 ? o.ModelLabel : null, o.NamespaceLabel, o.PodLabel);
        var url = new Uri($"{o.Url.TrimEnd('/')}/api/v1/query?query={Uri.EscapeDataString(o.Query)}");
        using var timer = new PeriodicTimer(o.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!readiness.IsReady) continue; // no stream to publish to before the silo runs
            var (outcome, error) = await PollAsync(url, mapping, o.Timeout, stoppingToken);
            ControlPlaneMetrics.PrometheusPolls.WithLabels(outcome).Inc();
            if (error is null && _lastError is not null) LogRecovered();
            else if (error is not null && error != _lastError) LogPollFailed(outcome, new LogLine(error));
            _lastError = error;
        }
    }

    private async Task<(string Outcome, string? Error)> PollAsync(Uri url, DcgmSeriesMapping mapping, TimeSpan timeout, CancellationToken stoppingToken)
    {
        string body;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            deadline.CancelAfter(timeout);
            try
            {
                using var response = await http.CreateClient(nameof(DcgmPoller)).GetAsync(url, deadline.Token);
                body = await response.Content.ReadAsStringAsync(deadline.Token);
                // Prometheus explains its 4xx and 5xx in the body; anything else is said by the status.
                if (!response.IsSuccessStatusCode)
                    return ("failed", PrometheusVector.Parse(body).Error ?? $"Prometheus answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return ("timeout", $"Prometheus did not answer within {timeout.TotalSeconds:0.###} s.");
            }
            catch (HttpRequestException ex)
            {
                return ("failed", $"Prometheus could not be reached: {ex.Message}");
            }
        }

        var (series, error) = PrometheusVector.Parse(body);
        if (error is not null) return ("failed", error);
        var samples = new List<(int Index, GpuSample Sample)>();
        var rejected = new List<RejectedSample>();
        for (var i = 0; i < series.Count; i++)
        {
            var (sample, problem) = mapping.Map(series[i]);
            if (sample is not null) samples.Add((i, sample));
            else rejected.Add(new RejectedSample(i, problem!));
        }
        var result = await publisher.PublishAsync(SignalKinds.Gpu, samples, rejected, SignalPublisher.Prometheus);
        foreach (var skip in result.Rejected) LogSkipOnce(series[skip.Index], skip.Reason);
        return ("succeeded", null);
    }

    /// <summary>A series that maps to no registered model stays so from tick to tick: say so once.</summary>
    private void LogSkipOnce(PrometheusSeries series, string reason)
    {
        if (_skipsLogged.Count >= RememberedSkips) _skipsLogged.Clear();
        var labels = series.Describe();
        if (_skipsLogged.Add($"{labels}|{reason}")) LogSeriesSkipped(new LogLine(labels), new LogLine(reason));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling Prometheus for GPU utilization failed ({Outcome}): {Error}; logged again only when the error changes")]
    private partial void LogPollFailed(string outcome, LogLine error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling Prometheus for GPU utilization works again")]
    private partial void LogRecovered();

    [LoggerMessage(Level = LogLevel.Information, Message = "Prometheus series {Series} gives no GPU sample: {Reason}")]
    private partial void LogSeriesSkipped(LogLine series, LogLine reason);
}
