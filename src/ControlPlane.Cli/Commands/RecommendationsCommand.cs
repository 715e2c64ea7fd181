using System.CommandLine;
using ControlPlane.Cli.Gateway;
using ControlPlane.Cli.Output;

namespace ControlPlane.Cli.Commands;

/// <summary><c>cpctl recommendations [NS/NAME]</c>: cost recommendations across the plane or for one model.</summary>
public static class RecommendationsCommand
{
    public static Command Create(GlobalOptions options, CliEnvironment environment)
    {
        var model = new Argument<string?>("model") { Description = "Only this model (NAMESPACE/NAME).", Arity = ArgumentArity.ZeroOrOne };
        var recommendations = new Command("recommendations", "Cost recommendations: what to change and what it saves a month.") { model };
        CommandAction.Set(recommendations, options, environment, async (run, cancellationToken) =>
        {
            var path = run.Parse.GetValue(model) is { } id ? $"{ResourceNames.ModelPath(id)}/recommendations" : "api/v1/recommendations";
            var missing = $"the server does not serve recommendations (GET /{path} answered 404): it is older than this cpctl.";
            run.Output.Write(await run.Gateway.GetAsync(path, cancellationToken, notFound: missing), RecommendationTable.List);
        });
        return recommendations;
    }
}
