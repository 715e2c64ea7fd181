using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>
/// A plane of its own: the policies these tests push to its branch would deny other tests' changes. Its commit retry
/// waits ten minutes, so an owed commit is settled only by the request the test makes, never by a timer racing it.
/// </summary>
public sealed class BranchPolicyPlane() : RunningPlane(new Dictionary<string, string> { ["ControlPlane:Models:CommitRetryDelay"] = "00:10:00" });

/// <summary>
/// A 2xx means the change is on the branch: a policy someone pushed governs the very next change, and a change Git
/// refused at commit time leaves no trace in the model's state, the cluster's reservations or the branch.
/// </summary>
public sealed class BranchPolicyTests(BranchPolicyPlane plane) : IClassFixture<BranchPolicyPlane>, IDisposable
{
    private readonly HttpClient _client = plane.Client;
    private readonly TempDataDirectory _work = new();

    private string Bare => plane.Factory.RepositoryPath;

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task PutModel_RightAfterAPolicyIsPushedToTheBranch_Is422AndNothingChanges()
    {
        var model = await _client.RegisterModelAsync();
        var head = await PushPolicyAsync(DenyImage(model, "9.9.9"));
        var spec = Bodies.Model(model.Cluster, model.Budget, version: "9.9.9");

        using var response = await _client.PutAsync(model.Path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity, $"{model.Name} may not run 9.9.9");
        Assert.Equal("PolicyDenied", (string?)problem["reason"]);
        var view = await _client.GetJsonAsync(model.Path);
        Assert.Equal("1.4.2", (string?)view["spec"]!["version"]);
        Assert.Equal(head, await BranchHeadAsync());
    }

    [Fact]
    public async Task PutModel_CommitOwedWhenAPolicyArrives_IsUndoneAndAnswered422()
    {
        var model = await _client.RegisterModelAsync(spec => spec["replicas"] = new JsonObject { ["min"] = 2, ["max"] = 8 });
        var spec = Bodies.Model(model.Cluster, model.Budget, min: 3, version: "8.8.8");

        // While the branch cannot move, the change is stored but not committed: not a success.
        var branchLock = Path.Combine(Bare, "refs", "heads", "main.lock");
        await File.WriteAllTextAsync(branchLock, "");
        using (var pending = await _client.PutAsync(model.Path, spec))
        {
            var problem = await ProblemAssert.IsProblem(pending, HttpStatusCode.ServiceUnavailable, "not yet on the branch");
            Assert.Equal("CommitPending", (string?)problem["reason"]);
        }
        File.Delete(branchLock);
        var head = await PushPolicyAsync(DenyImage(model, "8.8.8"));

        // The retried request learns the fate of the first: Git's policy refuses it, and the model goes back.
        using var retried = await _client.PutAsync(model.Path, spec);

        await ProblemAssert.IsProblem(retried, HttpStatusCode.UnprocessableEntity, $"{model.Name} may not run 8.8.8");
        var view = await _client.GetJsonAsync(model.Path);
        Assert.Equal("1.4.2", (string?)view["spec"]!["version"]);
        Assert.Equal(2, (int?)view["replicas"]);
        Assert.Equal("Stable", (string?)view["phase"]);
        var cluster = await _client.GetJsonAsync($"/api/v1/clusters/{model.Cluster}");
        Assert.Equal(2, (int?)Assert.Single(cluster["reservations"]!.AsArray())!["gpus"]);
        var decisions = (await _client.GetJsonAsync($"{model.Path}/decisions")).AsArray();
        var denied = Assert.Single(decisions, d => (string?)d!["outcome"] == "denied");
        Assert.Contains("denied at commit", (string?)denied!["reason"], StringComparison.Ordinal);
        Assert.Equal(head, await BranchHeadAsync());
        Assert.DoesNotContain((string)denied["id"]!, await GitCli.OutputAsync(Bare, "log", "--format=%(trailers:key=Decision-Id,valueonly)", "main"), StringComparison.Ordinal);
    }

    /// <summary>A bound policy that refuses <paramref name="version"/> of this one model only.</summary>
    private static (string File, string Yaml) DenyImage(RegisteredModel model, string version) => ($"policies/deny-{model.Name}.yaml", $"""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata:
          name: deny-{model.Name}
        spec:
          matchConstraints:
            resourceRules:
            - apiGroups: ["apps"]
              apiVersions: ["v1"]
              operations: ["CREATE", "UPDATE"]
              resources: ["deployments"]
          validations:
          - expression: "object.metadata.name != '{model.Name}' || object.spec.template.spec.containers.all(c, !c.image.endsWith(':{version}'))"
            message: "{model.Name} may not run {version}"
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata:
          name: deny-{model.Name}
        spec:
          policyName: deny-{model.Name}
          validationActions: [Deny]
        """);

    /// <summary>Commits the policy in a plain clone and pushes it to the plane's branch, as someone else would; returns the new head.</summary>
    private async Task<string> PushPolicyAsync((string File, string Yaml) policy)
    {
        var clone = _work.Combine("clone-" + Guid.NewGuid().ToString("N"));
        await GitCli.OutputAsync(_work.Path, "clone", "--quiet", Bare, clone);
        await File.WriteAllTextAsync(Path.Combine(clone, policy.File), policy.Yaml);
        await GitCli.OutputAsync(clone, "add", policy.File);
        await GitCli.OutputAsync(clone, "-c", "user.name=someone", "-c", "user.email=someone@example.com", "commit", "--quiet", "-m", "policy: " + policy.File);
        await GitCli.OutputAsync(clone, "push", "--quiet", "origin", "HEAD:main");
        return await BranchHeadAsync();
    }

    private async Task<string> BranchHeadAsync() => (await GitCli.OutputAsync(Bare, "rev-parse", "main")).Trim();
}
