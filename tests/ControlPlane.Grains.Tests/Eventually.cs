namespace ControlPlane.Grains.Tests;

/// <summary>Polls for a condition with a deadline instead of sleeping for a guessed time.</summary>
internal static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"condition not met in time; last value: {value}");
            await Task.Delay(PollInterval);
        }
    }
}
