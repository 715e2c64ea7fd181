namespace ControlPlane.Grains.Tests;

/// <summary>A cluster of its own: the replica policy pushed here would deny other tests' decisions.</summary>
public sealed class PolicyClusterFixture : GrainClusterFixture;

[CollectionDefinition(Name)]
public sealed class PolicyGrainCluster : ICollectionFixture<PolicyClusterFixture>
{
    public const string Name = "policy grain cluster";
}

[Collection(PolicyGrainCluster.Name)]
public class PolicyGateTests(PolicyClusterFixture fixture)
{
    private const string MaxThreeReplicas = """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata:
          name: max-three-replicas
        spec:
          matchConstraints:
            resourceRules:
            - apiGroups: ["apps"]
              apiVersions: ["v1"]
              operations: ["CREATE", "UPDATE"]
              resources: ["deployments"]
          validations:
          - expression: "object.spec.replicas <= 3"
            messageExpression: "'Deployment ' + object.metadata.name + ' may run at most 3 replicas'"
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata:
          name: max-three-replicas
        spec:
          policyName: max-three-replicas
          validationActions: [Deny]
        """;

    private IGitOpsWriterGrain Writer => fixture.Client.GetGrain<IGitOpsWriterGrain>(new GitOpsOptions { RepositoryPath = fixture.RepositoryPath }.WriterKey);

    [Fact]
    public async Task Register_ThreeGpusPerReplica_IsDeniedWithoutReservingAnything()
    {
        var (cluster, budget) = await fixture.Infrastructure("three-gpus", gpus: 64);
        var model = fixture.Client.GetGrain<IModelGrain>("risk/three-gpus");

        var result = await model.Register(GrainClusterFixture.Spec(cluster, budget) with { GpusPerReplica = 3 });

        Assert.Equal(GrainError.PolicyDenied, result.Error?.Code);
        Assert.Contains(result.Error!.Messages!, m => m.Contains("requests 3 GPUs", StringComparison.Ordinal));
        Assert.Null(await model.Get());
        Assert.Empty((await fixture.Client.GetGrain<IClusterGrain>(cluster).Get())!.Reservations);
    }

    [Fact]
    public async Task Scale_BeyondAPolicyPushedToTheBranch_IsDeniedOnceAndGivesBackTheGpus()
    {
        var (cluster, budget) = await fixture.Infrastructure("replica-policy", gpus: 64);
        var model = fixture.Client.GetGrain<IModelGrain>("risk/replica-policy");
        await model.Register(GrainClusterFixture.Spec(cluster, budget, target: 10));
        PushPolicy("max-three-replicas.yaml", MaxThreeReplicas);
        Assert.Contains(await Writer.Policies(), p => p.Name == "max-three-replicas"); // also refreshes the gate

        var busy = new GpuSampleBatch([new GpuSample("risk/replica-policy", fixture.Now, 100)]);
        await model.Observe(busy); // wants 8 replicas
        await model.Observe(busy);

        Assert.Equal(1, (await model.Get())!.Replicas);
        var denied = Assert.Single(await model.Decisions(10), d => d.Outcome == DecisionOutcome.Denied);
        Assert.Contains("may run at most 3 replicas", denied.Reason, StringComparison.Ordinal);
        Assert.Equal(1, (await fixture.Client.GetGrain<IClusterGrain>(cluster).Get())!.Reservations.Sum(r => r.Gpus));
        Assert.DoesNotContain("replicas: 8", GitRepository.Run(fixture.RepositoryPath, "show", $"main:clusters/{cluster}/risk/replica-policy/deployment.yaml"), StringComparison.Ordinal);
    }

    private void PushPolicy(string file, string content)
    {
        var clone = Path.Combine(fixture.DataDirectory, "clone-" + Guid.NewGuid().ToString("N"));
        Git(fixture.DataDirectory, "clone", "--quiet", fixture.RepositoryPath, clone);
        File.WriteAllText(Path.Combine(clone, "policies", file), content);
        Git(clone, "add", "policies");
        Git(clone, "-c", "user.name=platform", "-c", "user.email=platform@example.com", "commit", "--quiet", "-m", "Add a policy");
        Git(clone, "push", "--quiet", "origin", "main");
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var git = System.Diagnostics.Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
    }
}
