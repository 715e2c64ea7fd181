namespace ControlPlane.Grains;

/// <summary>One cluster: its GPU pools, the GPUs each model holds there, and what they cost per hour.</summary>
public sealed class ClusterGrain(
    [PersistentState("cluster", StorageNames.Default)] IPersistentState<ClusterState> state,
    DecisionClock clock,
    ILogger<ClusterGrain> logger) : Grain, IClusterGrain
{
    private string Name => this.GetPrimaryKeyString();

    private IResourceCatalogGrain Catalog => GrainFactory.GetGrain<IResourceCatalogGrain>(IResourceCatalogGrain.Clusters);

    /// <summary>Clusters stored before the catalog existed join it the first time they wake up.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.State.Spec is null ? Task.CompletedTask : CatalogMembership.TryJoin(Catalog, Name, logger);

    async Task<ClusterView> IClusterGrain.Put(ClusterSpec spec)
    {
        state.State = state.State with { Spec = spec, UpdatedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        await Catalog.Add(Name);
        return View(spec);
    }

    Task<ClusterView?> IClusterGrain.Get() =>
        Task.FromResult(state.State.Spec is { } spec ? View(spec) : null);

    async Task<GpuGrant> IClusterGrain.Reserve(string model, string gpuType, int gpusPerReplica, int replicas, int minReplicas)
    {
        if (state.State.Spec is not { } spec)
            return Refused(GrainError.UnknownCluster, $"cluster '{Name}' is not registered: PUT /api/v1/clusters/{Name} first.");
        var others = state.State.Reservations.Where(r => r.Model != model).ToList();
        if (replicas == 0) return await Save(others, new GpuGrant(0, 0, null));

        if (spec.Pool(gpuType) is not { } pool)
            return Refused(GrainError.NoGpuPool, $"cluster '{Name}' has no '{gpuType}' pool; it has: {string.Join(", ", spec.Pools.Select(p => p.GpuType))}.");
        var free = GpuCapacity.FreeFor(spec, state.State.Reservations, model, gpuType);
        var fit = GpuCapacity.ReplicasThatFit(replicas, gpusPerReplica, free);
        if (fit < minReplicas)
            return Refused(GrainError.InsufficientCapacity,
                $"cluster '{Name}' has {free} free '{gpuType}' GPUs; {minReplicas} replicas × {gpusPerReplica} GPUs need {minReplicas * gpusPerReplica}.");
        return await Save([.. others, new GpuReservation(model, gpuType, fit * gpusPerReplica)],
            new GpuGrant(fit, pool.OnDemandPricePerGpuHour, null, pool.SpotPricePerGpuHour));
    }

    async Task IClusterGrain.AccrueSpend(string model, double cost, DateTimeOffset from, DateTimeOffset until)
    {
        var now = clock.GetUtcNow();
        var spend = state.State.Spend.Accrue(cost, from, until).Since(HourlySeries.HourOf(now).AddHours(-SpendHoursKept + 1));
        if (ReferenceEquals(spend, state.State.Spend)) return;
        state.State = state.State with { Spend = spend };
        await state.WriteStateAsync();
    }

    /// <summary>The roll-up shows a day; two are kept so the view never starts mid-history.</summary>
    private const int SpendHoursKept = 48;

    private async Task<GpuGrant> Save(List<GpuReservation> reservations, GpuGrant grant)
    {
        state.State = state.State with { Reservations = reservations, UpdatedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        ControlPlaneMetrics.ObserveReservations(Name, state.State.Spec, reservations);
        return grant;
    }

    private static GpuGrant Refused(string code, string detail) => new(0, 0, new GrainError(code, detail));

    private ClusterView View(ClusterSpec spec)
    {
        var from = HourlySeries.HourOf(clock.GetUtcNow()).AddHours(-23);
        var lastDay = state.State.Spend.Since(from).Buckets;
        return new(Name, spec, state.State.Reservations, state.State.UpdatedAt, lastDay.Sum(b => b.Amount), lastDay);
    }
}
