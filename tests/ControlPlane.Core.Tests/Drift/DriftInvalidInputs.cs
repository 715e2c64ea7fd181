namespace ControlPlane.Core.Tests.Drift;

/// <summary>Inputs every drift statistic rejects: programming errors, since callers validate first.</summary>
public static class DriftInvalidInputs
{
    public static TheoryData<double[], double[]> Numeric => new()
    {
        { [], [1.0] },
        { [1.0], [] },
        { [1.0, double.NaN], [1.0] },
        { [1.0], [2.0, double.PositiveInfinity] },
        { [double.NegativeInfinity], [1.0] },
    };

    public static TheoryData<Dictionary<string, long>, Dictionary<string, long>> Categorical => new()
    {
        { [], new() { ["cpu"] = 1 } },
        { new() { ["cpu"] = 1 }, [] },
        { new() { ["cpu"] = 0 }, new() { ["cpu"] = 1 } },
        { new() { ["cpu"] = 3, ["gpu"] = -1 }, new() { ["cpu"] = 1 } },
    };
}
