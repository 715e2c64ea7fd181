using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.EndToEnd;

/// <summary>
/// Runs the plane once end to end with the real tools: registers a cluster, budget and model, scales it
/// with posted samples, clones the bare repository with git, then restarts the plane on the same data
/// directory. It records what each step returned; the tests only read it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class EndToEndScenario : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private readonly TempDataDirectory _work = new();
    private ControlPlaneFactory? _restarted;

    public RegisteredModel Model { get; private set; } = null!;

    /// <summary>The model's decisions (newest first) before the restart, each with its commit.</summary>
    public JsonArray DecisionsBefore { get; private set; } = null!;

    public JsonNode ModelBefore { get; private set; } = null!;

    public JsonNode BudgetBefore { get; private set; } = null!;

    public JsonNode GitOpsBefore { get; private set; } = null!;

    public string ClonePath => _work.Combine("clone");

    public string RepositoryPath => Path.Combine(_data.Path, "gitops.git");

    public ProcessResult Fsck { get; private set; } = null!;

    public ProcessResult Kustomize { get; private set; } = null!;

    public ProcessResult DecisionKinds { get; private set; } = null!;

    public ProcessResult DecisionIds { get; private set; } = null!;

    /// <summary>The same reads taken from the restarted plane, before any test touches it.</summary>
    public JsonNode ModelAfter { get; private set; } = null!;

    public JsonArray DecisionsAfter { get; private set; } = null!;

    public JsonNode BudgetAfter { get; private set; } = null!;

    public JsonNode ClusterAfter { get; private set; } = null!;

    public JsonArray ModelListAfter { get; private set; } = null!;

    public JsonNode GitOpsAfter { get; private set; } = null!;

    /// <summary>A client on the restarted plane, for tests that go on from there.</summary>
    public HttpClient Restarted { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using (var first = new ControlPlaneFactory(_data.Path))
        {
            using var client = await first.StartAsync();
            Model = await client.RegisterModelAsync(); // min 1, max 8, target 70, capacity 8
            await client.PostGpuSamplesAsync(Bodies.GpuSample(Model.Id, 98), Bodies.GpuSample(Model.Id, 97));
            await client.CommittedDecisionAsync(Model, "scale");
            DecisionsBefore = (await client.GetJsonAsync($"{Model.Path}/decisions")).AsArray();
            ModelBefore = await client.GetJsonAsync(Model.Path);
            BudgetBefore = await client.GetJsonAsync($"/api/v1/budgets/{Model.Budget}");
            GitOpsBefore = await client.GetJsonAsync("/api/v1/gitops");

            await GitCli.OutputAsync(_work.Path, "clone", "--quiet", first.RepositoryPath, ClonePath);
            Fsck = await GitCli.RunAsync(ClonePath, "fsck", "--strict");
            Kustomize = await ProcessRunner.RunAsync("kubectl", ["kustomize", $"clusters/{Model.Cluster}"], ClonePath);
            DecisionKinds = await GitCli.RunAsync(ClonePath, "log", "--format=%(trailers:key=Decision-Kind,valueonly)");
            DecisionIds = await GitCli.RunAsync(ClonePath, "log", "--format=%(trailers:key=Decision-Id,valueonly)");
        }

        _restarted = new ControlPlaneFactory(_data.Path);
        Restarted = await _restarted.StartAsync();
        ModelAfter = await Restarted.GetJsonAsync(Model.Path);
        DecisionsAfter = (await Restarted.GetJsonAsync($"{Model.Path}/decisions")).AsArray();
        BudgetAfter = await Restarted.GetJsonAsync($"/api/v1/budgets/{Model.Budget}");
        ClusterAfter = await Restarted.GetJsonAsync($"/api/v1/clusters/{Model.Cluster}");
        ModelListAfter = (await Restarted.GetJsonAsync("/api/v1/models")).AsArray();
        GitOpsAfter = await Restarted.GetJsonAsync("/api/v1/gitops");
    }

    public async Task DisposeAsync()
    {
        Restarted?.Dispose();
        if (_restarted is not null) await _restarted.DisposeAsync();
        _work.Dispose();
        _data.Dispose();
    }
}
