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
    OpaPolicyBackend? opa = null) : Grain, IGitOpsWriterGrain
{
    /// <summary>Most decisions written in one pass, so that a burst cannot hold the first caller for long.</summary>
    public const int MaxBatch = 64;

    /// <summary>Rendered desired states kept between a policy check and its commit.</summary>
    public const int MaxRemembered = 10_000;

    private readonly Queue<(DesiredStateChange Change, TaskCompletionSource<CommitOutcome> Done)> _pending = new();
    private Task _repositoryInUse = Task.CompletedTask;
    private readonly ILogger _logger = loggers.CreateLogger<GitOpsWriterGrain>();
    private GitOpsRepository? _repository;
    private PolicySet? _policies;

    // What the last policy check rendered per model, reused at commit when the desired state is the same.
    private readonly Dictionary<string, (ModelDesiredState Desired, IReadOnlyDictionary<string, string> Files)> _checked = [];
    private bool _draining;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        _repository = await Task.Run(() => GitOpsRepository.OpenOrCreate(o.RepositoryPath, o.Branch,
            new GitAuthor(o.AuthorName, o.AuthorEmail), time, loggers.CreateLogger<GitOpsRepository>()), cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _repository?.Dispose();
        _repository = null;
        return Task.CompletedTask;
    }

    Task<CommitOutcome> IGitOpsWriterGrain.Apply(DesiredStateChange change)
    {
        var done = new TaskCompletionSource<CommitOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Enqueue((change, done));
        if (!_draining) _ = Drain();
        return done.Task;
    }

    async Task<GitOpsStatus> IGitOpsWriterGrain.Status()
    {
        var status = await WithRepository(r => r.Status());
        return status with { PendingChanges = _pending.Count };
    }

    async Task<PolicyCheck> IGitOpsWriterGrain.Check(ModelDesiredState desired)
    {
        var policies = _policies ??= await WithRepository(r => r.Policies());
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
        return check;
    }

    async Task<IReadOnlyList<PolicyView>> IGitOpsWriterGrain.Policies()
    {
        var policies = _policies = await WithRepository(r => r.Policies());
        return policies.Policies.Select(p => new PolicyView(p.Name, p.Path, p.ValidationActions, p.Kinds, p.Validations, p.Error)).ToList();
    }

    /// <summary>Writes queued decisions until none are left; runs on the grain's scheduler, so the queue needs no lock.</summary>
    private async Task Drain()
    {
        _draining = true;
        try
        {
            while (_pending.Count > 0)
            {
                var batch = new List<(DesiredStateChange Change, TaskCompletionSource<CommitOutcome> Done)>();
                while (batch.Count < MaxBatch && _pending.TryDequeue(out var next)) batch.Add(next);
                await Write(batch);
            }
            _policies = await WithRepository(r => r.Policies()); // cheap unless policies/ changed on the branch
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing a batch of {Count} decisions failed; writing them one by one")]
    private partial void LogBatchFailed(Exception ex, int count);
}
