using System.Text.Json.Nodes;
using ControlPlane.Silo.Security;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>Every decision names who caused it, in the decision log and as the commit's Requested-By trailer.</summary>
[Collection(SharedGateway.Name)]
public sealed class RequestedByTests(GatewayHost host)
{
    [Fact]
    public async Task Register_ByAdminKey_DecisionAndCommitNameTheKey()
    {
        var model = await host.Client.RegisterModelAsync();

        var decision = await host.Client.CommittedDecisionAsync(model, "register");

        Assert.Equal("key/test-admin", (string?)decision["requestedBy"]);
        Assert.Equal("key/test-admin", await RequestedBy((string)decision["commitSha"]!));
    }

    [Fact]
    public async Task ProposeVersion_ByOperatorKey_DecisionNamesTheOperator()
    {
        var model = await host.Client.RegisterModelAsync(spec => spec["rollout"] = Bodies.Rollout(intervalSeconds: 3600));
        using var operatorClient = host.Factory.CreateClient(Roles.Operator);

        using var response = await operatorClient.PostAsync($"{model.Path}/versions", Bodies.VersionProposal());
        await Gateway.OkJson(response, System.Net.HttpStatusCode.Accepted);
        var decision = await host.Client.CommittedDecisionAsync(model, "rollout");

        Assert.Equal("key/test-operator", (string?)decision["requestedBy"]);
        Assert.Equal("key/test-operator", await RequestedBy((string)decision["commitSha"]!));
    }

    [Fact]
    public async Task Scale_CausedBySignalsAnOperatorPosted_IsThePlanesOwn()
    {
        var model = await host.Client.RegisterModelAsync();
        using var operatorClient = host.Factory.CreateClient(Roles.Operator);

        await operatorClient.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 95), Bodies.GpuSample(model.Id, 97));
        var decision = await host.Client.CommittedDecisionAsync(model, "scale");

        Assert.Equal("controlplane", (string?)decision["requestedBy"]);
        Assert.Equal("controlplane", await RequestedBy((string)decision["commitSha"]!));
    }

    private async Task<string> RequestedBy(string sha) =>
        (await GitCli.OutputAsync(host.Factory.RepositoryPath, "log", "-1", "--format=%(trailers:key=Requested-By,valueonly)", sha)).Trim();
}
