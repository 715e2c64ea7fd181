namespace ControlPlane.Grains;

/// <summary>The single writer of one repository and branch: turns decisions into commits.</summary>
public interface IGitOpsWriterGrain : IGrainWithStringKey
{
    Task<CommitOutcome> Apply(DesiredStateChange change);

    Task<GitOpsStatus> Status();
}
