using Orleans.Runtime;

namespace ControlPlane.Grains.Tests;

[Collection(SharedGrainCluster.Name)]
public class RolloutTests(GrainClusterFixture fixture)
{
    private const string CandidateImage = "registry.example.com/risk/fraud-mm:1.5.0";

    private IModelGrain Model(string name) => fixture.Client.GetGrain<IModelGrain>($"risk/{name}");

    private async Task<IModelGrain> Registered(string name, ModelSpec? spec = null)
    {
        var (cluster, budget) = await fixture.Infrastructure(name);
        var model = Model(name);
        await model.Register(spec ?? GrainClusterFixture.Spec(cluster, budget));
        return model;
    }

    private static VersionProposal Proposal(string report = "AR-2026-0200", Dictionary<string, FeatureReference>? reference = null) =>
        new("1.5.0", CandidateImage, report, reference);

    private DriftSampleBatch Drift(string name, string metric, double value, string kind = "data-drift", int count = 3) =>
        new(Enumerable.Range(0, count).Select(i => new DriftSample($"risk/{name}", "1.5.0", fixture.Now, kind, metric, "amount", value)).ToList());

    [Fact]
    public async Task Rollout_ThreeBreachedIntervals_RollsBackInGitAndTheLog()
    {
        var model = await Registered("breach");
        var rollout = await model.ProposeVersion(Proposal());
        Assert.Equal(ModelPhase.Progressing, rollout.Model!.Phase);
        Assert.Equal("1.5.0", rollout.Model.Spec.Version);

        var stream = fixture.Client.GetStreamProvider(StreamNamespaces.Provider).GetStream<DriftSampleBatch>(StreamId.Create(StreamNamespaces.Drift, "risk/breach"));
        var actions = new List<string>();
        for (var interval = 0; interval < 3; interval++)
        {
            await stream.OnNextAsync(Drift("breach", "psi", 0.31));
            // Stream delivery is asynchronous: analyse until the interval has seen the samples.
            var report = await Eventually.Until(() => model.Analyze(), r => r!.Analysis.Verdict != "no-data");
            actions.Add(report!.Action);
        }

        Assert.Equal(["Continue", "Continue", "Rollback"], actions);
        var view = await model.Get();
        Assert.Equal(ModelPhase.Stable, view!.Phase);
        Assert.Equal("1.4.2", view.Spec.Version);
        Assert.Equal("registry.example.com/risk/fraud-mm:1.4.2", view.Spec.Image);
        Assert.Contains("1.5.0", view.FailedVersions!.Keys);
        var rollback = (await model.Decisions(1))[0];
        Assert.Equal(DecisionKind.Rollback, rollback.Kind);
        Assert.Contains("psi[amount]=0.31", rollback.Reason, StringComparison.Ordinal);
        Assert.Equal(["rollback", "rollout", "register"], GitRepository.Trailers(fixture.RepositoryPath, "Decision-Kind", "risk/breach"));
        var deployment = GitRepository.Run(fixture.RepositoryPath, "show", $"{rollback.CommitSha}:clusters/breach/risk/breach/deployment.yaml");
        Assert.Contains("image: \"registry.example.com/risk/fraud-mm:1.4.2\"", deployment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollout_ThreeCleanIntervals_PromotesAndCommits()
    {
        var model = await Registered("clean");
        await model.ProposeVersion(Proposal());

        var actions = new List<string>();
        for (var interval = 0; interval < 3; interval++)
        {
            await model.ObserveDrift(Drift("clean", "psi", 0.04));
            actions.Add((await model.Analyze())!.Action);
        }

        Assert.Equal(["Continue", "Continue", "Promote"], actions);
        var view = await model.Get();
        Assert.Equal(ModelPhase.Stable, view!.Phase);
        Assert.Equal("1.5.0", view.StableVersion);
        Assert.Equal(["1.4.2", "1.5.0"], view.Releases!.Select(r => r.Version));
        Assert.Equal(["promote", "rollout", "register"], GitRepository.Trailers(fixture.RepositoryPath, "Decision-Kind", "risk/clean"));
        var deployment = GitRepository.Run(fixture.RepositoryPath, "show", "HEAD:clusters/clean/risk/clean/deployment.yaml");
        Assert.Contains("controlplane.io/rollout-phase: Stable", deployment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollout_CriticalBiasBreach_RollsBackAtOnce()
    {
        var model = await Registered("bias");
        await model.ProposeVersion(Proposal());
        await model.ObserveDrift(Drift("bias", "demographic-parity-difference", -0.25, kind: "bias"));

        var report = await model.Analyze();

        Assert.Equal("Rollback", report!.Action);
        Assert.Contains("critical", report.Reason, StringComparison.Ordinal);
        Assert.Equal("1.4.2", (await model.Get())!.Spec.Version);
    }

    [Fact]
    public async Task Rollout_RawObservationsShiftedFromReference_BreachOnPsiAndKs()
    {
        var reference = new Dictionary<string, FeatureReference> { ["amount"] = new(Values: Enumerable.Range(0, 500).Select(i => i / 5.0).ToList()) };
        var model = await Registered("raw");
        await model.ProposeVersion(Proposal(reference: reference));

        await model.ObserveDrift(new DriftSampleBatch([new DriftSample("risk/raw", "1.5.0", fixture.Now, Feature: "amount",
            Values: Enumerable.Range(0, 200).Select(i => 60 + i / 5.0).ToList())]));
        var report = await model.Analyze();

        Assert.Equal("breach", report!.Analysis.Verdict);
        Assert.Contains(report.Analysis.Metrics, m => m is { Metric: "psi", State: "breach" });
        Assert.Contains(report.Analysis.Metrics, m => m is { Metric: "ks", State: "breach" });
        Assert.Contains(report.Analysis.Metrics, m => m is { Metric: "wasserstein", State: "unbounded" });
        Assert.Equal(["amount"], (await model.Get())!.ReferenceFeatures);
    }

    [Fact]
    public async Task Rollout_SignalsOfOtherVersions_AreNotAnalysed()
    {
        var model = await Registered("other-version");
        await model.ProposeVersion(Proposal());
        await model.ObserveDrift(new DriftSampleBatch([new DriftSample("risk/other-version", "1.4.2", fixture.Now, "data-drift", "psi", null, 0.9)]));

        Assert.Equal("no-data", (await model.Analyze())!.Analysis.Verdict);
    }

    [Fact]
    public async Task ProposeVersion_FailedVersionSameReport_IsRefusedUntilNewReport()
    {
        var model = await Registered("retry");
        await model.ProposeVersion(Proposal());
        await model.Rollback(new RollbackRequest("latency regression seen by on-call"));

        var again = await model.ProposeVersion(Proposal());
        var renewed = await model.ProposeVersion(Proposal(report: "AR-2026-0201"));

        Assert.Equal(GrainError.RolloutConflict, again.Error?.Code);
        Assert.Contains("new alignment report", again.Error!.Detail, StringComparison.Ordinal);
        Assert.Null(renewed.Error);
        Assert.Equal(ModelPhase.Progressing, renewed.Model!.Phase);
    }

    [Fact]
    public async Task ProposeVersion_WhileProgressing_IsAConflict()
    {
        var model = await Registered("busy");
        await model.ProposeVersion(Proposal());

        var second = await model.ProposeVersion(Proposal() with { Version = "1.6.0" });

        Assert.Equal(GrainError.RolloutConflict, second.Error?.Code);
    }

    [Fact]
    public async Task Rollback_OfStableVersion_ReturnsToThePreviousRelease()
    {
        var model = await Registered("operator");
        await model.ProposeVersion(Proposal());
        for (var i = 0; i < 3; i++)
        {
            await model.ObserveDrift(Drift("operator", "psi", 0.01));
            await model.Analyze();
        }

        var result = await model.Rollback(new RollbackRequest("customer complaints"));
        var unknown = await model.Rollback(new RollbackRequest("again", ToVersion: "0.9.0"));

        Assert.Equal("1.4.2", result.Model!.Spec.Version);
        Assert.Equal("1.4.2", result.Model.StableVersion);
        Assert.Contains("1.5.0", result.Model.FailedVersions!.Keys);
        Assert.Equal(GrainError.UnknownVersion, unknown.Error?.Code);
        Assert.Contains("operator: customer complaints", (await model.Decisions(1))[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysisTimer_ShortInterval_AnalysesWithoutBeingAsked()
    {
        var (cluster, budget) = await fixture.Infrastructure("timer");
        var model = Model("timer");
        await model.Register(GrainClusterFixture.Spec(cluster, budget) with { Rollout = new RolloutSpec(IntervalSeconds: 1, PromoteAfter: 1) });
        await model.ProposeVersion(Proposal());

        await model.ObserveDrift(Drift("timer", "psi", 0.02));

        var view = await Eventually.Until(() => model.Get(), v => v!.Phase == ModelPhase.Stable && v.StableVersion == "1.5.0");
        Assert.Equal(DecisionKind.Promote, (await model.Decisions(1))[0].Kind);
    }
}

[Collection(SharedGrainCluster.Name)]
public class RolloutSampleTimeTests(GrainClusterFixture fixture)
{
    [Theory]
    [InlineData(-2, "Rollback")]   // stamped to the second, just before the start: counts
    [InlineData(-600, "Continue")] // ten minutes before: an earlier attempt's, ignored
    public async Task ObserveDrift_SampleStampedBeforeTheStart_CountsOnlyWithinTheClockGrace(int secondsBeforeStart, string expected)
    {
        var name = $"grace{-secondsBeforeStart}";
        var (cluster, budget) = await fixture.Infrastructure(name);
        var model = fixture.Client.GetGrain<IModelGrain>($"risk/{name}");
        await model.Register(GrainClusterFixture.Spec(cluster, budget));
        var started = (await model.ProposeVersion(new VersionProposal("1.5.0", "registry.example.com/risk/fraud-mm:1.5.0", "AR-2"))).Model!.Rollout!.StartedAt;

        await model.ObserveDrift(new DriftSampleBatch([new DriftSample($"risk/{name}", "1.5.0", started.AddSeconds(secondsBeforeStart), "bias", "demographic-parity-difference", null, 0.3)]));

        Assert.Equal(expected, (await model.Analyze())!.Action);
    }
}
