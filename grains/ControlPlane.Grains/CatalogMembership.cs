namespace ControlPlane.Grains;

/// <summary>
/// A budget or cluster joining its list catalog when it wakes up. The catalog is a derived view: failing to
/// reach it must not keep the budget or cluster itself from activating; its next PUT or activation tries again.
/// </summary>
public static partial class CatalogMembership
{
    public static async Task TryJoin(IResourceCatalogGrain catalog, string name, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            await catalog.Add(name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogJoinFailed(logger, ex, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Name} could not join its list catalog; it will try again on its next update or activation")]
    private static partial void LogJoinFailed(ILogger logger, Exception ex, string name);
}
