namespace ControlPlane.Grains;

/// <summary>The single writer of one repository and branch: turns decisions into commits.</summary>
public interface IGitOpsWriterGrain : IGrainWithStringKey
{
    Task<CommitOutcome> Apply(DesiredStateChange change);

    Task<GitOpsStatus> Status();

    /// <summary>Asks the policy gate about a desired state without committing anything.</summary>
    Task<PolicyCheck> Check(ModelDesiredState desired);

    /// <summary>The policies on the branch, including any that do not parse (they deny).</summary>
    Task<IReadOnlyList<PolicyView>> Policies();
}
