using Microsoft.Extensions.Logging.Abstractions;

namespace ControlPlane.Grains.Tests;

public class CatalogMembershipTests
{
    [Fact]
    public async Task TryJoin_CatalogUnreachable_DoesNotFailTheCaller()
    {
        var catalog = new UnreachableCatalog();

        await CatalogMembership.TryJoin(catalog, "team-risk", NullLogger.Instance);

        Assert.Equal(["team-risk"], catalog.Asked);
    }

    [Fact]
    public async Task TryJoin_Cancelled_StillCancels()
    {
        var catalog = new UnreachableCatalog(new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(() => CatalogMembership.TryJoin(catalog, "team-risk", NullLogger.Instance));
    }

    /// <summary>A stand-in for a catalog whose silo is gone: every call fails the way the given exception says.</summary>
    private sealed class UnreachableCatalog(Exception? failure = null) : IResourceCatalogGrain
    {
        public List<string> Asked { get; } = [];

        public Task Add(string name)
        {
            Asked.Add(name);
            return Task.FromException(failure ?? new SiloUnavailableException("the catalog's silo is gone"));
        }

        public Task<IReadOnlyList<string>> Names() => throw new NotSupportedException();
    }
}
