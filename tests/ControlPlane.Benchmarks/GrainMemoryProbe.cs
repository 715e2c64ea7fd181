using System.Diagnostics;
using ControlPlane.Grains;

namespace ControlPlane.Benchmarks;

/// <summary>What one model grain activation costs in memory: the process before and after activating N of them, each after a full GC.</summary>
public static class GrainMemoryProbe
{
    public sealed record Result(int Grains, long WorkingSetBytes, long ManagedBytes)
    {
        public double WorkingSetPerGrain => WorkingSetBytes / (double)Grains;
        public double ManagedPerGrain => ManagedBytes / (double)Grains;
    }

    /// <summary>Activates <paramref name="count"/> unregistered model grains (Get() reads their empty state and keeps them active).</summary>
    public static async Task<Result> Measure(IGrainFactory grains, int count, string prefix)
    {
        var (workingSetBefore, managedBefore) = Settled();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            await grains.GetGrain<IModelGrain>($"{prefix}/m{i}").Get());
        var (workingSetAfter, managedAfter) = Settled();
        return new Result(count, workingSetAfter - workingSetBefore, managedAfter - managedBefore);
    }

    private static (long WorkingSet, long Managed) Settled()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }
}
