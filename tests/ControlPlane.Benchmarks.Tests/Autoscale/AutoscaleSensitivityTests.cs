using ControlPlane.Benchmarks.Autoscale;

namespace ControlPlane.Benchmarks.Tests.Autoscale;

public class AutoscaleSensitivityTests
{
    [Fact]
    public void Neighbours_DefaultSettings_StartWithChosenAndEachDiffer()
    {
        var chosen = new AutoscaleSettings();

        var neighbours = AutoscaleSensitivity.Neighbours(chosen);

        Assert.Equal(chosen, neighbours[0].Settings);
        Assert.All(neighbours.Skip(1), n => Assert.NotEqual(chosen, n.Settings));
        Assert.Equal(neighbours.Count, neighbours.Select(n => n.Change).Distinct().Count());
    }

    [Fact]
    public void Table_TwoHandMadeTraces_ReportsEveryNeighbourOnEachTrace()
    {
        var traces = new[] { Replays.Trace(10, 30, 50, 20, 10, 10, 40, 10), Replays.Trace(5, 5, 5, 5, 5, 5) };

        var table = AutoscaleSensitivity.Table(traces, new AutoscaleSettings());

        Assert.Equal(AutoscaleSensitivity.Neighbours(new AutoscaleSettings()).Count, table.Count);
        Assert.All(table, row => Assert.Equal(2, row.Reports.Count));
        Assert.All(table, row => Assert.InRange(row.Met, 0, 2));
    }
}
