using System.Globalization;

namespace ControlPlane.Benchmarks;

/// <summary>How big a repository-growth run is: model folders per repository, timed commits per size, repeated runs.</summary>
public sealed record RepositoryGrowthOptions(IReadOnlyList<int> Sizes, int Commits = 200, int GitCommits = 50, int Runs = 3)
{
    public const string Usage = "repo-growth [--sizes 100,1000,10000] [--commits 200] [--git-commits 50] [--runs 3]";

    public static RepositoryGrowthOptions Parse(string[] args)
    {
        var options = new RepositoryGrowthOptions([100, 1_000, 10_000]);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value; usage: {Usage}");
            var value = args[i + 1];
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = value.Split(',').Select(v => Positive("--sizes", v)).ToList() },
                "--commits" => options with { Commits = Positive(args[i], value) },
                "--git-commits" => options with { GitCommits = Positive(args[i], value) },
                "--runs" => options with { Runs = Positive(args[i], value) },
                _ => throw new ArgumentException($"unknown option {args[i]}; usage: {Usage}"),
            };
        }
        return options;
    }

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{option} needs positive whole numbers, not '{value}'; usage: {Usage}");
}
