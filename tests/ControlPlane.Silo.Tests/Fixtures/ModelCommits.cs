namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>A model's commits in the plane's repository, found with the git CLI by their <c>Model</c> trailer.</summary>
public static class ModelCommits
{
    /// <summary>How many commits on any branch name <paramref name="modelId"/>, once the writer has nothing left to write.</summary>
    public static async Task<int> CountAsync(HttpClient client, string repositoryPath, string modelId)
    {
        await Eventually.Until(async () => (int?)(await client.GetJsonAsync("/api/v1/gitops"))["pendingChanges"] == 0,
            Gateway.DecisionTimeout, "the writer having no pending changes");
        var models = await GitCli.LinesAsync(repositoryPath, "log", "--all", "--format=%(trailers:key=Model,valueonly)");
        return models.Count(m => m == modelId);
    }
}
