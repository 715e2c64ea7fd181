using System.Text.Json.Nodes;
using ControlPlane.Cli.Output;

namespace ControlPlane.Cli.Commands;

/// <summary>Polls the decision feed and prints each decision once, oldest first, as it appears.</summary>
public sealed class DecisionTail(CommandInvocation run, string? model, TimeSpan interval, int backlog, int? count)
{
    /// <summary>How many of the newest decisions each poll reads; more new ones than this between two polls are not all seen.</summary>
    public const int Window = 100;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _printed;

    /// <summary>Runs until <c>--count</c> decisions are printed, <paramref name="timeout"/> passes, or Ctrl-C; all three end with exit code 0.</summary>
    public async Task<int> RunAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit) stop.CancelAfter(limit);
        var path = DecisionsCommand.FeedPath(model, Window);
        try
        {
            var first = true;
            while (!Done)
            {
                var recent = JsonText.Items(await run.Gateway.GetAsync(path, stop.Token));
                Print(recent, first);
                first = false;
                if (!Done) await Task.Delay(interval, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl-C or --timeout: the normal way for a tail to end.
        }
        return ExitCodes.Ok;
    }

    private bool Done => count is { } n && _printed >= n;

    private void Print(IReadOnlyList<JsonNode?> newestFirst, bool first)
    {
        var fresh = newestFirst.Where(d => _seen.Add(JsonText.Of(d, "id"))).Reverse().ToList();
        // On the first poll everything is "new": show only the backlog asked for.
        if (first) fresh = fresh.Skip(Math.Max(0, fresh.Count - backlog)).ToList();
        foreach (var decision in fresh)
        {
            if (Done) return;
            run.Output.WriteItem(decision, DecisionTable.Line);
            _printed++;
        }
        // Ids that fell out of the window can never come back; forget them so a long tail does not grow.
        var window = newestFirst.Select(d => JsonText.Of(d, "id")).ToHashSet(StringComparer.Ordinal);
        _seen.IntersectWith(window);
    }
}
