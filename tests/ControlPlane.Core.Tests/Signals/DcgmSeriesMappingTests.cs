using ControlPlane.Core.Signals;

namespace ControlPlane.Core.Tests.Signals;

public class DcgmSeriesMappingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static PrometheusSeries Series(params (string Name, string Value)[] labels) =>
        new(labels.ToDictionary(l => l.Name, l => l.Value), At, 93);

    public static readonly TheoryData<DcgmSeriesMapping, PrometheusSeries, string, string?> Mapped = new()
    {
        { new(), Series(("namespace", "risk"), ("pod", "fraud-mm-7d9f8b6c4-x2k9z")), "risk/fraud-mm", "fraud-mm-7d9f8b6c4-x2k9z" },
        { new(), Series(("namespace", "risk"), ("pod", "a-b-c")), "risk/a", "a-b-c" },
        { new(NamespaceLabel: "exported_namespace", PodLabel: "exported_pod"),
            Series(("exported_namespace", "risk"), ("exported_pod", "scorer-v2-5c6d7e8f9-abcde"), ("namespace", "gpu-operator")), "risk/scorer-v2", "scorer-v2-5c6d7e8f9-abcde" },
        { new(ModelLabel: "model"), Series(("model", "risk/fraud-mm"), ("pod", "anything-at-all")), "risk/fraud-mm", "anything-at-all" },
        { new(ModelLabel: "model"), Series(("model", "risk/fraud-mm")), "risk/fraud-mm", null },
    };

    [Theory]
    [MemberData(nameof(Mapped))]
    public void Map_LabelledSeries_GivesSampleOfTheModel(DcgmSeriesMapping mapping, PrometheusSeries series, string model, string? pod)
    {
        var (sample, problem) = mapping.Map(series);

        Assert.Null(problem);
        Assert.Equal(new GpuSample(model, At, 93, pod), sample);
    }

    public static readonly TheoryData<DcgmSeriesMapping, PrometheusSeries, string> Unmapped = new()
    {
        { new(), Series(("pod", "fraud-mm-7d9f8b6c4-x2k9z")), "no 'namespace' label" },
        { new(), Series(("namespace", "risk")), "no 'pod' label" },
        { new(), Series(("namespace", "risk"), ("pod", "fraud-0")), "not named like a Deployment's pod" },
        { new(), Series(("namespace", "risk"), ("pod", "fraud--x")), "not named like a Deployment's pod" },
        { new(), Series(("namespace", "risk"), ("pod", "fraud-abc-")), "not named like a Deployment's pod" },
        { new(ModelLabel: "model"), Series(("namespace", "risk"), ("pod", "fraud-mm-7d9f8b6c4-x2k9z")), "no 'model' label" },
    };

    [Theory]
    [MemberData(nameof(Unmapped))]
    public void Map_SeriesWithoutModel_SaysWhy(DcgmSeriesMapping mapping, PrometheusSeries series, string expected)
    {
        var (sample, problem) = mapping.Map(series);

        Assert.Null(sample);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
