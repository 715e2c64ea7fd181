using ControlPlane.GitOps.Tests.Fixtures;

namespace ControlPlane.GitOps.Tests;

public class GitOpsRepositoryPolicyTests
{
    private const string BrokenPolicy = """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata:
          name: broken
        spec:
          matchConstraints:
            resourceRules:
            - apiGroups: ["apps"]
              apiVersions: ["v1"]
              operations: ["CREATE", "UPDATE"]
              resources: ["deployments"]
          validations:
          - expression: "object.spec.replicas <="
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata:
          name: broken
        spec:
          policyName: broken
          validationActions: [Deny]
        """;

    /// <summary>Someone else commits a file under policies/ and pushes it to the branch, as a platform team would.</summary>
    private static void PushPolicy(WriterRepository writer, string file, string content)
    {
        var clone = writer.Clone();
        File.WriteAllText(Path.Combine(clone, "policies", file), content);
        GitCli.Run(clone, "add", "policies");
        GitCli.Run(clone, "-c", "user.name=platform", "-c", "user.email=platform@example.com", "commit", "--quiet", "-m", "Add a policy");
        GitCli.Run(clone, "push", "--quiet", "origin", "main");
    }

    [Fact]
    public void OpenOrCreate_NewRepository_SeedsTheDefaultPolicies()
    {
        using var writer = new WriterRepository();

        var files = GitCli.Lines(writer.BarePath, "ls-tree", "--name-only", "main", "policies/");
        var policies = writer.Repository.Policies().Policies;

        Assert.Contains("policies/max-gpus-per-container.yaml", files);
        Assert.Contains("policies/require-alignment-report.yaml", files);
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.Null(p.Error));
        Assert.All(policies, p => Assert.Equal(["Deny"], p.ValidationActions));
    }

    [Fact]
    public void Apply_ThreeGpusPerReplica_IsDeniedAndNothingIsCommitted()
    {
        using var writer = new WriterRepository();
        var head = writer.Git("rev-parse", "main").Trim();
        var desired = DesiredStates.Model() with { Spec = DesiredStates.Spec() with { GpusPerReplica = 3 } };

        var outcome = writer.Repository.Apply(DesiredStates.Change("d-1", desired));

        Assert.False(outcome.Committed);
        Assert.True(outcome.Denied);
        Assert.Contains(outcome.Denials!, d => d.Contains("Deployment 'fraud-mm' requests 3 GPUs, exceeding the maximum allowed of 2", StringComparison.Ordinal));
        Assert.Equal(head, writer.Git("rev-parse", "main").Trim());
    }

    [Fact]
    public void ApplyAll_DeniedChangeInABatch_OthersStillCommit()
    {
        using var writer = new WriterRepository();
        var tooBig = DesiredStates.Model(name: "big") with { Spec = DesiredStates.Spec() with { GpusPerReplica = 4 } };

        var outcomes = writer.Repository.ApplyAll([
            DesiredStates.Change("d-1", DesiredStates.Model(name: "a")),
            DesiredStates.Change("d-2", tooBig),
            DesiredStates.Change("d-3", DesiredStates.Model(name: "b")),
        ]);

        Assert.Equal([true, false, true], outcomes.Select(o => o.Committed));
        Assert.DoesNotContain("big", writer.Git("ls-tree", "-r", "--name-only", "main"), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_BrokenPolicyPushedByOthers_DeniesAndIsListedWithItsError()
    {
        using var writer = new WriterRepository();
        PushPolicy(writer, "broken.yaml", BrokenPolicy);

        var outcome = writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model()));

        Assert.False(outcome.Committed);
        Assert.Contains(outcome.Denials!, d => d.StartsWith("broken:", StringComparison.Ordinal));
        var broken = Assert.Single(writer.Repository.Policies().Policies, p => p.Name == "broken");
        Assert.NotNull(broken.Error);
    }

    [Fact]
    public void Apply_PolicyRemovedAgain_AdmitsOnceMore()
    {
        using var writer = new WriterRepository();
        PushPolicy(writer, "broken.yaml", BrokenPolicy);
        Assert.False(writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model())).Committed);

        var clone = writer.Clone();
        GitCli.Run(clone, "rm", "--quiet", "policies/broken.yaml");
        GitCli.Run(clone, "-c", "user.name=platform", "-c", "user.email=platform@example.com", "commit", "--quiet", "-m", "Remove it");
        GitCli.Run(clone, "push", "--quiet", "origin", "main");

        Assert.True(writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model())).Committed);
    }
}
