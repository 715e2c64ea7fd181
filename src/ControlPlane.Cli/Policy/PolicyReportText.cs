using System.Globalization;

namespace ControlPlane.Cli.Policy;

/// <summary>A policy report as lines people and CI logs read: one per finding or broken policy, then a summary.</summary>
public static class PolicyReportText
{
    public static IEnumerable<string> Lines(PolicyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var broken in report.Broken)
            yield return $"broken: {broken.Path}: policy {broken.Name} does not load: {broken.Error}";
        foreach (var f in report.Findings)
            yield return $"{f.Action}: {f.File}: {f.Object}: {f.Policy}: {f.Message}";
        var denials = report.Denials.Count();
        var warnings = report.Findings.Count - denials;
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{(report.Passed ? "passed" : "failed")}: {report.Manifests.Count} manifest file(s) checked against {report.Policies.Count} polic{(report.Policies.Count == 1 ? "y" : "ies")}: {denials} denial(s), {warnings} warning(s), {report.Broken.Count()} broken polic{(report.Broken.Count() == 1 ? "y" : "ies")}.");
    }
}
