using System.Diagnostics;
using ControlPlane.GitOps;

namespace ControlPlane.Grains;

/// <summary>
/// The single writer of one repository and branch (Orleans keeps one activation): commits each
/// decision without a work tree. LibGit2Sharp blocks, so the work runs off the grain scheduler.
/// </summary>
public sealed class GitOpsWriterGrain(
    IOptions<GitOpsOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : Grain, IGitOpsWriterGrain
{
    private GitOpsRepository? _repository;

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

    async Task<CommitOutcome> IGitOpsWriterGrain.Apply(DesiredStateChange change)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await Task.Run(() => Repository.Apply(change));
        ControlPlaneMetrics.CommitDuration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return outcome;
    }

    Task<GitOpsStatus> IGitOpsWriterGrain.Status() => Task.Run(() => Repository.Status());

    private GitOpsRepository Repository => _repository ?? throw new InvalidOperationException("The writer is not activated.");
}
