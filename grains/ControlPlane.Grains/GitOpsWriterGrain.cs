using System.Diagnostics;
using ControlPlane.GitOps;
using ControlPlane.Policies;
using Orleans.Concurrency;

namespace ControlPlane.Grains;

/// <summary>
/// The single writer of one repository and branch (Orleans keeps one activation). Decisions that
/// arrive while a commit is being written queue up and are written together in the next pass: still
/// one commit each, but one branch update and one trip to the thread pool for all of them.
/// LibGit2Sharp blocks, so the work runs off the grain scheduler, one pass at a time.
/// </summary>
[Reentrant]
public sealed partial class GitOpsWriterGrain(
    IOptions<GitOpsOptions> options,
    TimeProvider time,
    ILoggerFactory loggers,
    OpaPolicyBackend? opa = null,
    FluxReceiver? receiver = null) : Grain, IGitOpsWriterGrain
{
    /// <summary>Most decisions written in one pass, so that a burst cannot hold the first caller for long.</summary>
    public const int MaxBatch = 64;

    /// <summary>Rendered desired states kept between a policy check and its commit.</summary>
    public const int MaxRemembered = 10_000;

    private readonly Queue<(DesiredStateChange Change, TaskCompletionSource<CommitOutcome> Done)> _pending = new();
    private Task _repositoryInUse = Task.CompletedTask;
    private readonly ILogger _logger = loggers.CreateLogger<GitOpsWriterGrain>();
    private GitOpsRepository? _repository;
    private readonly GitRemote? _remote = options.Value.Remote();
    private bool _pushRequested;
    private ActivityContext? _pushRequestedBy;
    private bool _pushing;
    private (DateTimeOffset At, string? Error)? _lastPush;

    // What the last policy check rendered per model, reused at commit when the desired state is the same.
    private readonly Dictionary<string, (ModelDesiredState Desired, IReadOnlyDictionary<string, string> Files)> _checked = [];
    private bool _draining;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        _repository = await Task.Run(() => GitOpsRepository.OpenOrCreate(o.RepositoryPath, o.Branch,
            new GitAuthor(o.AuthorName, o.AuthorEmail), time, loggers.CreateLogger<GitOpsRepository>(),
            o.SigningKeyFile.Length > 0 ? new CommitSigner(o.SigningKeyFile) : null), cancellationToken);
        if (o.SharedRemote && _remote is not null && await WithRepository(r => r.CatchUp(_remote)) is { } error)
        {
            // Committing on a clone that may be stale could repeat a decision another silo pushed: fail, and let callers retry.
            _repository.Dispose();
            _repository = null;
            throw new InvalidOperationException($"the writer could not catch up with {_remote.Redacted}: {LogText.Line(error)}");
        }
        RequestPush(); // whatever was committed before a crash and not pushed goes now
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A pass or a push may still run on the thread pool: let it finish before the native handle goes.
        while (!_repositoryInUse.IsCompleted) await _repositoryInUse;
        while (_pending.TryDequeue(out var waiting))
            waiting.Done.TrySetException(new InvalidOperationException("the writer is deactivating; the decision will be retried."));
        _repository?.Dispose();
        _repository = null;
    }

    async Task<CommitOutcome> IGitOpsWriterGrain.Apply(DesiredStateChange change)
    {
        // The span covers the wait in the queue and the pass that commits it; a drain or push it starts is its child.
        using var span = ControlPlaneTracing.ForDecision("git.commit", change.DecisionId, change.Kind, change.Desired.Model.ToString());
        var done = new TaskCompletionSource<CommitOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Enqueue((change, done));
        if (!_draining) _ = Drain();
        var outcome = await done.Task;
        span?.SetTag("controlplane.commit_sha", outcome.Sha);
        span?.SetTag("controlplane.denied", outcome.Denied);
        return outcome;
    }

    async Task<GitOpsStatus> IGitOpsWriterGrain.Status()
    {
        var (status, unpushed) = await WithRepository(r => (r.Status(), _remote is null ? 0 : r.Unpushed()));
        return status with
        {
            PendingChanges = _pending.Count,
            Remote = _remote?.Redacted,
            Unpushed = unpushed,
            LastPushAt = _lastPush?.At,
            LastPushError = _lastPush?.Error,
            WriterSilo = RuntimeIdentity,
        };
    }

    async Task<PolicyCheck> IGitOpsWriterGrain.Check(ModelDesiredState desired)
    {
        using var span = ControlPlaneTracing.Source.StartActivity("policy-gate");
        span?.SetTag(ControlPlaneTracing.ModelTag, desired.Model.ToString());
        // The branch head's policies, reloaded whenever its policies/ tree changed (pushed by anyone): one lookup when it did not.
        var policies = await WithRepository(r => r.Policies());
        var (verdict, files) = await Task.Run(() =>
        {
            var rendered = ManifestRenderer.RenderModel(desired);
            return (policies.Evaluate(PolicyGate.Objects(rendered)), rendered);
        });
        // OPA, when configured, is asked before every decision; the commit-time check uses the branch's policies.
        if (opa is not null) verdict = PolicyVerdicts.Combine(verdict, await opa.EvaluateAsync(PolicyGate.Objects(files), CancellationToken.None));
        var check = PolicyGate.ToCheck(verdict);
        if (_checked.Count >= MaxRemembered) _checked.Clear(); // models that were checked and never committed
        if (check.Allowed) _checked[desired.Model.ToString()] = (desired, files);
        span?.SetTag("controlplane.allowed", check.Allowed);
        return check;
    }

    async Task<IReadOnlyList<PolicyView>> IGitOpsWriterGrain.Policies()
    {
        var policies = await WithRepository(r => r.Policies());
        return policies.Policies.Select(p => new PolicyView(p.Name, p.Path, p.ValidationActions, p.Kinds, p.Validations, p.Error)).ToList();
    }

    /// <summary>Writes queued decisions until none are left; runs on the grain's scheduler, so the queue needs no lock.</summary>
    private async Task Drain()
    {
        _draining = true;
        try
        {
            // Apply calls that arrive during any await below are queued without starting a drain: loop until none is left.
            do
            {
                while (_pending.Count > 0)
                {
                    var batch = new List<(DesiredStateChange Change, TaskCompletionSource<CommitOutcome> Done)>();
                    while (batch.Count < MaxBatch && _pending.TryDequeue(out var next)) batch.Add(next);
                    await Write(batch);
                }
                RequestPush();
            }
            while (_pending.Count > 0);
        }
        finally
        {
            _draining = false;
        }
    }

    private async Task Write(List<(DesiredStateChange Change, TaskCompletionSource<CommitOutcome> Done)> batch)
    {
        var started = Stopwatch.GetTimestamp();
        // Taken on the grain's thread: reentrant Check calls may change _checked while the pass runs.
        var rendered = new Dictionary<string, (ModelDesiredState Desired, IReadOnlyDictionary<string, string> Files)>();
        foreach (var (change, _) in batch)
            if (_checked.Remove(change.Desired.Model.ToString(), out var entry)) rendered[change.Desired.Model.ToString()] = entry;
        IReadOnlyDictionary<string, string> Render(ModelDesiredState desired) =>
            rendered.TryGetValue(desired.Model.ToString(), out var known) && known.Desired.IsSameAs(desired) ? known.Files : ManifestRenderer.RenderModel(desired);
        try
        {
            var outcomes = await WithRepository(r => r.ApplyAll(batch.Select(b => b.Change).ToList(), Render));
            var perDecision = Stopwatch.GetElapsedTime(started).TotalSeconds / batch.Count;
            ControlPlaneMetrics.CommitBatchSize.Observe(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                ControlPlaneMetrics.CommitDuration.Observe(perDecision);
                batch[i].Done.SetResult(outcomes[i]);
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // Nothing of the batch reached the branch; write them one by one so that one bad change fails alone.
            LogBatchFailed(ex, batch.Count);
            foreach (var item in batch) await Write([item]);
        }
        catch (Exception ex)
        {
            batch[0].Done.SetException(ex);
        }
    }

    /// <summary>Asks for a push; pushes already running absorb the request (a burst of commits → one push).</summary>
    private void RequestPush()
    {
        if (_remote is null) return;
        _pushRequested = true;
        _pushRequestedBy = Activity.Current?.Context; // the push that carries this commit joins its trace
        if (!_pushing) _ = PushUntilDone(_remote);
    }

    /// <summary>Pushes until nothing is requested; a failure waits with exponential backoff and jitter, then tries again.</summary>
    private async Task PushUntilDone(GitRemote remote)
    {
        _pushing = true;
        var delay = options.Value.PushRetryDelay;
        try
        {
            while (_pushRequested)
            {
                _pushRequested = false;
                PushOutcome outcome;
                using var span = ControlPlaneTracing.Source.StartActivity("git.push", ActivityKind.Internal, _pushRequestedBy ?? default);
                var started = time.GetTimestamp();
                try
                {
                    outcome = await WithRepository(r => r.Push(remote));
                    span?.SetTag("controlplane.pushed", outcome.Pushed);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    outcome = PushOutcome.Failed(ex.Message); // e.g. the signer failed while replaying: retry like any failure
                }
                ControlPlaneMetrics.PushDuration.Observe(time.GetElapsedTime(started).TotalSeconds);
                _lastPush = (time.GetUtcNow(), outcome.Error);
                ControlPlaneMetrics.Pushes.WithLabels(outcome.Succeeded ? "succeeded" : "failed").Inc();
                try
                {
                    if (outcome.Overwritten.Count > 0) await RecordOverwrites(outcome.Overwritten);
                    if (outcome.Succeeded && outcome.Pushed > 0 && receiver is not null) await TellFlux(receiver);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogAfterPushFailed(ex); // the push itself succeeded: the loop must go on
                }
                if (outcome.Succeeded)
                {
                    delay = options.Value.PushRetryDelay;
                    continue;
                }
                LogPushFailed(remote.Redacted, LogText.Line(outcome.Error), delay);
                _pushRequested = true;
                ControlPlaneMetrics.PushRetries.Inc();
                DelayDeactivation(delay * 2); // an idle writer must stay to retry, or commits would wait for the next decision
                await Task.Delay(delay * (0.5 + Random.Shared.NextDouble()), time);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.PushRetryMaxDelay.Ticks));
            }
        }
        finally
        {
            _pushing = false;
        }
    }

    /// <summary>Calls the Flux Receiver a few times with backoff; a Receiver that stays down only delays Flux to its interval.</summary>
    private async Task TellFlux(FluxReceiver flux)
    {
        var head = (await WithRepository(r => r.Status())).HeadSha ?? "";
        var delay = options.Value.PushRetryDelay;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var error = await flux.NotifyAsync(options.Value.WriterKey, options.Value.Branch, head, CancellationToken.None);
            ControlPlaneMetrics.FluxNotifications.WithLabels(error is null ? "succeeded" : "failed").Inc();
            if (error is null) return;
            LogFluxFailed(LogText.Line(error), attempt);
            await Task.Delay(delay, time);
            delay *= 2;
        }
    }

    /// <summary>Files of ours that others had changed on the remote: counted, and recorded in the plane's decision log.</summary>
    private async Task RecordOverwrites(IReadOnlyList<string> paths)
    {
        ControlPlaneMetrics.PushOverwrites.Inc(paths.Count);
        var now = time.GetUtcNow();
        var feed = GrainFactory.GetGrain<IDecisionFeedGrain>(IDecisionFeedGrain.Key);
        // One record per model whose files were overwritten ("-" for the cluster listings themselves).
        foreach (var model in paths.GroupBy(p => RepositoryLayout.ModelOf(p) ?? "-"))
            await feed.Record(new Decision(Guid.CreateVersion7(now).ToString(), DecisionKind.Conflict, model.Key, now,
                $"conflict({model.Key}): the plane's desired state overwrote changes made by others",
                $"files changed on the remote by others and rewritten by the plane: {string.Join(", ", model)}"));
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool once earlier work is done: a reentrant Status must not
    /// touch the repository while a pass writes. Grain turns are single-threaded, so check-then-set is safe.
    /// </summary>
    private async Task<T> WithRepository<T>(Func<GitOpsRepository, T> work)
    {
        var repository = _repository ?? throw new InvalidOperationException("The writer is not activated.");
        while (!_repositoryInUse.IsCompleted) await _repositoryInUse;
        var run = Task.Run(() => work(repository));
        _repositoryInUse = run.ContinueWith(_ => { }, TaskScheduler.Default); // completes, never faults
        return await run;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording an overwrite or telling Flux after a push failed")]
    private partial void LogAfterPushFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling Flux about the push failed (attempt {Attempt}): {Error}")]
    private partial void LogFluxFailed(string error, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push to {Remote} failed ({Error}); retrying in about {Delay}")]
    private partial void LogPushFailed(string remote, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing a batch of {Count} decisions failed; writing them one by one")]
    private partial void LogBatchFailed(Exception ex, int count);
}
