using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Prometheus;

/// <summary>The Grafana dashboard and the alerting rules under <c>deploy/</c> work with the metrics the plane exports.</summary>
[Collection(SharedPrometheus.Name)]
public sealed partial class DeployMonitoringTests(PrometheusPlane plane)
{
    private static string Deploy(params string[] parts) => Path.Combine([PrometheusTools.RepositoryRoot(), "deploy", .. parts]);

    [Fact]
    public async Task Dashboard_EveryPanelQuery_ReferencesOnlyMetricsThePlaneExports()
    {
        var exported = Exported(await MetricsActivity.ExpositionAfterActivityAsync(plane));
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Deploy("grafana", "controlplane-dashboard.json")))!;

        var queries = Panels(dashboard["panels"]!.AsArray())
            .SelectMany(p => p["targets"]!.AsArray().Select(t => ((string)p["title"]!, (string)t!["expr"]!))).ToList();

        Assert.True(queries.Count >= 12, $"only {queries.Count} queries in the dashboard");
        var unknown = queries.SelectMany(q => MetricNames(q.Item2).DefaultIfEmpty("(no metric)").Where(n => !exported.Contains(n)).Select(n => $"{q.Item1}: {n}")).ToList();
        Assert.True(unknown.Count == 0, $"panels query metrics /metrics does not export:\n{string.Join('\n', unknown)}");
    }

    [Fact]
    public async Task Rules_PromtoolCheckRules_Passes()
    {
        var result = await PrometheusTools.PromtoolAsync(Deploy("prometheus"), null, "check", "rules", "controlplane-rules.yml");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Rules_PromtoolUnitTests_Pass()
    {
        var result = await PrometheusTools.PromtoolAsync(Deploy("prometheus"), null, "test", "rules", "controlplane-rules.test.yml");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Rules_EveryExpression_ReferencesOnlyMetricsThePlaneExports()
    {
        var exported = Exported(await MetricsActivity.ExpositionAfterActivityAsync(plane));
        var rules = await File.ReadAllTextAsync(Deploy("prometheus", "controlplane-rules.yml"));

        var names = ControlPlaneName().Matches(rules).Select(m => m.Value).Distinct().ToList();

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.True(exported.Contains(n), $"the rules use {n}, which /metrics does not export"));
    }

    /// <summary>Every panel, including those inside collapsed rows.</summary>
    private static IEnumerable<JsonNode> Panels(JsonArray panels) =>
        panels.SelectMany(p => p!["panels"] is JsonArray inner ? Panels(inner) : p!["targets"] is null ? [] : [p]);

    /// <summary>Metric families and their series names (a histogram's <c>_bucket</c>, <c>_sum</c>, <c>_count</c>) in an exposition.</summary>
    private static HashSet<string> Exported(string exposition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal)) names.Add(line.Split(' ')[2]);
            else if (line.Length > 0 && line[0] != '#') names.Add(line[..line.IndexOfAny(['{', ' '])]);
        }
        return names;
    }

    /// <summary>The metric names a PromQL expression selects: identifiers left once strings, matchers, ranges, groupings and calls are removed.</summary>
    private static IEnumerable<string> MetricNames(string promql)
    {
        var bare = Grouping().Replace(Range().Replace(Matchers().Replace(Strings().Replace(promql, ""), " "), " "), " ");
        return Identifier().Matches(bare).Where(m => !m.Groups["call"].Success && !Keywords.Contains(m.Groups["name"].Value))
            .Select(m => m.Groups["name"].Value).Distinct();
    }

    private static readonly HashSet<string> Keywords = ["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool"];

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w:.])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\bcontrolplane_[a-z_]+\b")]
    private static partial Regex ControlPlaneName();
}
