using System.Net;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>A plane whose policy gate also asks OPA — here a local stub of OPA's Data API.</summary>
public sealed class OpaStubbedPlane : IAsyncLifetime
{
    private readonly OpaStubbedRunningPlane _plane;

    public OpaStubbedPlane() => _plane = new OpaStubbedRunningPlane(Opa);

    public OpaStub Opa { get; } = new();

    public HttpClient Client => _plane.Client;

    public Task InitializeAsync() => _plane.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _plane.DisposeAsync();
        Opa.Dispose();
    }

    private sealed class OpaStubbedRunningPlane(OpaStub opa) : RunningPlane(new Dictionary<string, string>
    {
        ["ControlPlane:Policies:OpaUrl"] = opa.Url,
        ["ControlPlane:Policies:OpaTimeout"] = "00:00:02",
    });
}

public sealed class OpaPolicyGateTests(OpaStubbedPlane plane) : IClassFixture<OpaStubbedPlane>
{
    [Fact]
    public async Task PutModel_OpaDenies_Returns422WithOpasMessage()
    {
        plane.Opa.DenyMessages = ["models in namespace risk need a change ticket"];
        var (path, spec) = await plane.Client.NewModelRequestAsync();

        using var response = await plane.Client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity, "opa: models in namespace risk need a change ticket");
        Assert.Equal("PolicyDenied", (string?)problem["reason"]);
        plane.Opa.DenyMessages = [];
    }

    [Fact]
    public async Task PutModel_OpaAllows_IsRegisteredAfterAskingIt()
    {
        plane.Opa.DenyMessages = [];
        var asked = plane.Opa.Queries;
        var (path, spec) = await plane.Client.NewModelRequestAsync();

        using var response = await plane.Client.PutAsync(path, spec);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(plane.Opa.Queries >= asked + 2, "OPA should be asked about the Deployment and the Service");
    }
}
