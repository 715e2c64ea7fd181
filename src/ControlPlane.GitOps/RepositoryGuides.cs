namespace ControlPlane.GitOps;

/// <summary>The README files of the repository's first commit: what it is and how to read its audit trail.</summary>
internal static class RepositoryGuides
{
    public static IReadOnlyDictionary<string, string> Files { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["README.md"] = Root,
        [$"{RepositoryLayout.ClustersFolder}/README.md"] = Clusters,
        [$"{RepositoryLayout.PoliciesFolder}/README.md"] = Policies,
    };

    private const string Root = """
        # ControlPlane desired state

        This repository holds the desired state of the ML model deployments that ControlPlane
        manages. ControlPlane writes it; Flux pulls it (a GitRepository source plus one
        Kustomization per cluster pointing at `clusters/<cluster>`) and applies it.

        **Do not edit files under `clusters/` by hand.** ControlPlane regenerates a model's folder
        and its cluster's `kustomization.yaml` on every decision, so hand edits are overwritten.
        Change a model through the ControlPlane API instead.

        ## Layout

        ```
        clusters/<cluster>/kustomization.yaml                 lists every model folder
        clusters/<cluster>/<namespace>/<model>/deployment.yaml
        clusters/<cluster>/<namespace>/<model>/service.yaml
        clusters/<cluster>/<namespace>/<model>/kustomization.yaml
        policies/                                             policies as code, read by the policy gate
        ```

        ## Audit trail

        Each commit is one decision. Its message ends with git trailers:

        - `Decision-Id`: the decision's id; a decision is committed at most once.
        - `Decision-Kind`: register, update, scale, promote, rollback, ...
        - `Model`: `<namespace>/<name>`.
        - `Reason`: why the decision was taken, on one line.

        Query them with git:

        ```
        git log --format='%(trailers)'                                    # every decision's trailers
        git log --format='%h %cI %(trailers:key=Decision-Kind,valueonly,separator=%x2C) %s'
        git log --format='%H' --grep='^Decision-Id: <id>$'                # the commit of one decision
        git log --format='%h %(trailers:key=Reason,valueonly,separator=%x2C)' -- clusters/<cluster>/<namespace>/<model>
        ```

        """;

    private const string Clusters = """
        # clusters

        One folder per Kubernetes cluster, written by ControlPlane; do not edit by hand.
        `clusters/<cluster>/kustomization.yaml` lists the cluster's model folders, and
        `kubectl kustomize clusters/<cluster>` renders everything Flux applies to that cluster.

        """;

    private const string Policies = """
        # policies

        Policies as code: Kubernetes ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding
        files with CEL validations. ControlPlane's policy gate evaluates every object before it is
        committed, and Flux can apply the same files so that the API server enforces them too.
        A policy that does not parse or fails to evaluate denies the change (fail closed).
        Bindings choose the action: Deny blocks the commit, Warn and Audit only report.

        """;
}
