using System.Text.Json;
using System.Text.Json.Schema;
using ControlPlane.Core.Decisions;
using ControlPlane.Core.GitOps;
using ControlPlane.Grains;
using ControlPlane.Silo.Api;
using ControlPlane.Silo.Hosting;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>The OpenAPI document is built from a JSON schema of every body; one type that cannot be described breaks the whole document.</summary>
public sealed class ResponseSchemaTests
{

    [Theory]
    [InlineData(typeof(ModelView))]
    [InlineData(typeof(ModelSummary))]
    [InlineData(typeof(ClusterView))]
    [InlineData(typeof(BudgetView))]
    [InlineData(typeof(Decision))]
    [InlineData(typeof(GitOpsStatus))]
    [InlineData(typeof(SignalBatchResult))]
    public void GatewayBodyType_JsonSchema_CanBeExported(Type type)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ControlPlaneHost.Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);

        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(options, type);

        Assert.NotNull(schema["properties"]);
    }
}
