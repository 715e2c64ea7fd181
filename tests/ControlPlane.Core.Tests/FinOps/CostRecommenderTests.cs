using ControlPlane.Core.Clusters;
using ControlPlane.Core.FinOps;
using ControlPlane.Core.Models;

namespace ControlPlane.Core.Tests.FinOps;

public class CostRecommenderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly GpuPool A100 = new("nvidia-a100", 64, 3.2, 1.1);
    private static readonly GpuPool L4 = new("nvidia-l4", 64, 0.9);

    /// <summary>A100 is twice an L4's throughput, by configuration.</summary>
    private static readonly RecommendationOptions WithCapacities =
        new(RelativeCapacity: new Dictionary<string, double> { ["nvidia-a100"] = 1.0, ["nvidia-l4"] = 0.5 });

    private static UtilizationSummary Busy(double p95, int hours = 72) => new(hours, p95 * 0.7, p95, hours, Now.AddMinutes(-5));

    private static RecommendationInput Input(ModelSpec spec, int replicas, UtilizationSummary utilization, params GpuPool[] pools) =>
        new("risk/fraud-mm", spec, replicas, utilization, pools.Length == 0 ? [A100] : pools, Now);

    private static Recommendation Only(RecommendationInput input, string kind, RecommendationOptions? options = null) =>
        Assert.Single(CostRecommender.Recommend(input, options), r => r.Kind == kind);

    [Fact]
    public void Recommend_LowP95_RightsizesReplicasByHpaArithmetic()
    {
        // ceil(6 × 20 / 70) = 2; 4 replicas × 1 GPU × 3.2 × 730 = 9344.
        var rec = Only(Input(Fixtures.Spec(), 6, Busy(20)), RecommendationKind.RightsizeReplicas);

        Assert.Equal(2, rec.Proposed.Replicas);
        Assert.Equal(new ReplicaBounds(1, 10), rec.Proposed.Bounds);
        Assert.Equal(9344, rec.MonthlySaving, 6);
        Assert.Equal("20", rec.Evidence["p95-gpu-utilization"]);
        Assert.Equal("730", rec.Evidence["hours-per-month"]);
    }

    [Fact]
    public void Recommend_FloorAboveNeed_LowersTheFloor()
    {
        // ceil(4 × 20 / 70) = 2 under a floor of 4: the floor has to go to 2; 2 × 3.2 × 730 = 4672.
        var rec = Only(Input(Fixtures.Spec(min: 4), 4, Busy(20)), RecommendationKind.RightsizeReplicas);

        Assert.Equal(new ReplicaBounds(2, 10), rec.Proposed.Bounds);
        Assert.Equal(4672, rec.MonthlySaving, 6);
    }

    [Fact]
    public void Recommend_UnderADayObserved_SaysNothingAboutUtilization()
    {
        Assert.Empty(CostRecommender.Recommend(Input(Fixtures.Spec(), 6, Busy(20, hours: 23)), WithCapacities));
    }

    [Fact]
    public void Recommend_P95AtHalfTheTarget_KeepsReplicas()
    {
        Assert.Empty(CostRecommender.Recommend(Input(Fixtures.Spec(), 6, Busy(35))));
    }

    [Fact]
    public void Recommend_NoLoadForThirtyHours_ScalesToMinInsteadOfRightsizing()
    {
        // 4 replicas above the floor × 2 GPUs × 3.2 × 730 = 18688.
        var spec = Fixtures.Spec() with { GpusPerReplica = 2 };
        var idle = new UtilizationSummary(72, 0.2, 0.5, 42, Now.AddHours(-30));

        var recs = CostRecommender.Recommend(Input(spec, 5, idle));

        var rec = Assert.Single(recs);
        Assert.Equal(RecommendationKind.Idle, rec.Kind);
        Assert.Equal(1, rec.Proposed.Replicas);
        Assert.Equal(18688, rec.MonthlySaving, 6);
    }

    [Fact]
    public void Recommend_NeverLoadedInTwoDays_IsIdle()
    {
        Only(Input(Fixtures.Spec(), 3, new UtilizationSummary(48, 0, 0, 0, null)), RecommendationKind.Idle);
    }

    [Fact]
    public void Recommend_LoadTenHoursAgo_IsNotIdle()
    {
        var recs = CostRecommender.Recommend(Input(Fixtures.Spec(), 5, new UtilizationSummary(72, 1, 2, 60, Now.AddHours(-10))));

        Assert.DoesNotContain(recs, r => r.Kind == RecommendationKind.Idle);
    }

    [Fact]
    public void Recommend_IdleButAtMin_HasNoIdleAdvice()
    {
        var recs = CostRecommender.Recommend(Input(Fixtures.Spec(), 1, new UtilizationSummary(72, 0, 0, 0, null)));

        Assert.Empty(recs);
    }

    [Fact]
    public void Recommend_ConfiguredIdlePeriod_IsHonoured()
    {
        var options = new RecommendationOptions(IdleAfter: TimeSpan.FromHours(48));

        var recs = CostRecommender.Recommend(Input(Fixtures.Spec(), 5, new UtilizationSummary(72, 0, 0, 30, Now.AddHours(-30))), options);

        Assert.DoesNotContain(recs, r => r.Kind == RecommendationKind.Idle);
    }

    [Fact]
    public void Recommend_BatchOnPoolWithSpot_SavesTheSpotDiscount()
    {
        // 3 replicas × 2 GPUs × (3.2 − 1.1) × 730 = 9198.
        var spec = Fixtures.Spec() with { GpusPerReplica = 2, WorkloadClass = "batch" };

        var rec = Only(Input(spec, 3, Busy(60)), RecommendationKind.Spot);

        Assert.Equal(CapacityType.Spot, rec.Proposed.CapacityType);
        Assert.Equal(CapacityType.OnDemand, rec.Current.CapacityType);
        Assert.Equal(9198, rec.MonthlySaving, 6);
        Assert.Equal("1.1", rec.Evidence["spot-price-per-gpu-hour"]);
    }

    [Fact]
    public void Recommend_BatchAlreadyOnSpot_IsNotSentToSpotAgain()
    {
        var spec = Fixtures.Spec() with { WorkloadClass = "batch", CapacityType = "spot" };

        Assert.DoesNotContain(CostRecommender.Recommend(Input(spec, 3, Busy(60))), r => r.Kind == RecommendationKind.Spot);
    }

    [Fact]
    public void Recommend_OnlineWorkload_IsNeverSentToSpot()
    {
        Assert.DoesNotContain(CostRecommender.Recommend(Input(Fixtures.Spec(), 3, Busy(60))), r => r.Kind == RecommendationKind.Spot);
    }

    [Fact]
    public void Recommend_SpotNotCheaper_IsNotProposed()
    {
        var spec = Fixtures.Spec() with { WorkloadClass = "batch" };

        Assert.Empty(CostRecommender.Recommend(Input(spec, 3, Busy(60), A100 with { SpotPricePerGpuHour = 3.2 })));
    }

    [Fact]
    public void Recommend_CheaperTypeWithCapacityTable_MovesToIt()
    {
        // Load in L4s: ceil(4 × 10 × 2 / (70 × 0.8)) = ceil(1.43) = 2; (4 × 3.2 − 2 × 0.9) × 730 = 8030.
        var rec = Only(Input(Fixtures.Spec(), 4, Busy(10), A100, L4), RecommendationKind.RightsizeGpuType, WithCapacities);

        Assert.Equal("nvidia-l4", rec.Proposed.GpuType);
        Assert.Equal(2, rec.Proposed.Replicas);
        Assert.Equal(new ReplicaBounds(2, 20), rec.Proposed.Bounds);
        Assert.Equal(8030, rec.MonthlySaving, 6);
    }

    [Fact]
    public void Recommend_CheaperTypeWithoutCapacityTable_IsNotGuessed()
    {
        Assert.DoesNotContain(CostRecommender.Recommend(Input(Fixtures.Spec(), 4, Busy(10), A100, L4)),
            r => r.Kind == RecommendationKind.RightsizeGpuType);
    }

    [Fact]
    public void Recommend_HighLoadOnSlowerType_CostsMoreAndIsNotProposed()
    {
        // 60% p95 needs ceil(4 × 60 × 2 / 56) = 9 L4s: at 1.5 that is 13.5/h against 12.8/h for the 4 A100s.
        var pricey = L4 with { OnDemandPricePerGpuHour = 1.5 };

        Assert.DoesNotContain(CostRecommender.Recommend(Input(Fixtures.Spec(), 4, Busy(60), A100, pricey), WithCapacities),
            r => r.Kind == RecommendationKind.RightsizeGpuType);
    }

    [Fact]
    public void Recommend_CandidatePoolTooSmall_IsNotProposed()
    {
        Assert.DoesNotContain(CostRecommender.Recommend(Input(Fixtures.Spec(), 4, Busy(10), A100, L4 with { Capacity = 1 }), WithCapacities),
            r => r.Kind == RecommendationKind.RightsizeGpuType);
    }

    [Fact]
    public void Recommend_ModelGpuTypeNotInPools_CannotPriceAnything()
    {
        Assert.Empty(CostRecommender.Recommend(Input(Fixtures.Spec(), 6, Busy(20), L4)));
    }

    [Fact]
    public void Recommend_SameProposalLaterWithOtherPrices_KeepsItsId()
    {
        var first = Only(Input(Fixtures.Spec(), 6, Busy(20)), RecommendationKind.RightsizeReplicas);
        var tomorrow = new UtilizationSummary(96, 15, 21, 96, Now.AddDays(1));
        var later = Only(Input(Fixtures.Spec(), 6, tomorrow) with { Now = Now.AddDays(1), Pools = [A100 with { OnDemandPricePerGpuHour = 4 }] },
            RecommendationKind.RightsizeReplicas);

        Assert.Equal(first.Id, later.Id);
        Assert.Matches("^rec-[0-9a-f]{16}$", first.Id);
    }

    [Fact]
    public void Recommend_DifferentProposal_GetsADifferentId()
    {
        var two = Only(Input(Fixtures.Spec(), 6, Busy(20)), RecommendationKind.RightsizeReplicas);
        var three = Only(Input(Fixtures.Spec(), 6, Busy(30)), RecommendationKind.RightsizeReplicas);

        Assert.NotEqual(two.Id, three.Id);
    }

    [Fact]
    public void IdFor_KnownInput_IsStableAcrossRuns()
    {
        var settings = DeploymentSettings.Of(Fixtures.Spec(), 2);

        Assert.Equal(Recommendation.IdFor("risk/fraud-mm", RecommendationKind.Idle, settings),
            Recommendation.IdFor("risk/fraud-mm", RecommendationKind.Idle, settings with { }));
        Assert.NotEqual(Recommendation.IdFor("risk/fraud-mm", RecommendationKind.Idle, settings),
            Recommendation.IdFor("risk/other", RecommendationKind.Idle, settings));
    }

    [Fact]
    public void FromHourly_UtilizationSeries_SummarizesObservedHours()
    {
        // Values 1..20 and four unobserved hours; p95 by linear interpolation = 19.05; last load ends at hour 20.
        var values = Enumerable.Range(1, 20).Select(i => (double)i).Concat(Enumerable.Repeat(double.NaN, 4)).ToList();
        var start = Now.AddHours(-24);

        var summary = UtilizationSummary.FromHourly(new HourlySeries(start, values), loadFloor: 5);

        Assert.Equal(20, summary.HoursObserved);
        Assert.Equal(10.5, summary.MeanUtilization, 9);
        Assert.Equal(19.05, summary.P95Utilization, 9);
        Assert.Equal(15, summary.HoursWithLoad);
        Assert.Equal(start.AddHours(20), summary.LastLoadAt);
    }
}
