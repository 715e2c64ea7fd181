using Orleans.Streams;
using Orleans.Streams.Core;

namespace ControlPlane.Grains;

/// <summary>Stream plumbing: the model's "gpu" and "drift" streams feed Observe and ObserveDrift.</summary>
public sealed partial class ModelGrain : IStreamSubscriptionObserver, IAsyncObserver<GpuSampleBatch>, IAsyncObserver<DriftSampleBatch>
{
    Task IStreamSubscriptionObserver.OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.StreamId.GetNamespace() == StreamNamespaces.Drift
            ? handleFactory.Create<DriftSampleBatch>().ResumeAsync(this)
            : handleFactory.Create<GpuSampleBatch>().ResumeAsync(this);

    Task IAsyncObserver<GpuSampleBatch>.OnNextAsync(GpuSampleBatch item, StreamSequenceToken? token)
    {
        AsThePlane();
        return Traced("gpu-signals", item.TraceParent, () => ((IModelGrain)this).Observe(item));
    }

    Task IAsyncObserver<DriftSampleBatch>.OnNextAsync(DriftSampleBatch item, StreamSequenceToken? token)
    {
        AsThePlane();
        return Traced("drift-signals", item.TraceParent, () => ((IModelGrain)this).ObserveDrift(item));
    }

    /// <summary>Handles a batch inside a span that continues the trace of the request that posted it.</summary>
    private async Task Traced(string name, string? traceParent, Func<Task> handle)
    {
        using var span = ControlPlaneTracing.Continue(name, traceParent);
        span?.SetTag(ControlPlaneTracing.ModelTag, Id);
        await handle();
    }

    /// <summary>Streams carry the publisher's request context; the shipper who posted signals did not request what they cause.</summary>
    private static void AsThePlane() => RequestContext.Remove(Requester.ContextKey);

    Task IAsyncObserver<GpuSampleBatch>.OnCompletedAsync() => Task.CompletedTask;

    Task IAsyncObserver<DriftSampleBatch>.OnCompletedAsync() => Task.CompletedTask;

    Task IAsyncObserver<GpuSampleBatch>.OnErrorAsync(Exception ex) => StreamError(ex);

    Task IAsyncObserver<DriftSampleBatch>.OnErrorAsync(Exception ex) => StreamError(ex);

    private Task StreamError(Exception ex)
    {
        LogStreamError(ex, Id);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream error for {Model}")]
    private partial void LogStreamError(Exception ex, string model);
}
