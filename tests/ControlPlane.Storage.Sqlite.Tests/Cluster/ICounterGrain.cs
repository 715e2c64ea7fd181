namespace ControlPlane.Storage.Sqlite.Tests.Cluster;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    Task<int> Get();

    Task Deactivate();
}
