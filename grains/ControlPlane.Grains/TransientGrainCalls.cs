namespace ControlPlane.Grains;

/// <summary>
/// Retries a call whose target silo left or died: Orleans then places the grain on a live silo. Only for calls that
/// are safe to repeat (a policy check; a commit is idempotent by Decision-Id).
/// </summary>
public static class TransientGrainCalls
{
    /// <summary>Tries in all, about 3 s apart at most: long enough for a leaving silo to hand over, or a dead one to be declared dead.</summary>
    public const int Attempts = 5;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);

    public static async Task<T> Retry<T>(Func<Task<T>> call, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(time);
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (attempt < Attempts && IsTransient(ex))
            {
                await Task.Delay(delay, time);
                delay *= 2;
            }
        }
    }

    /// <summary>The target silo is gone or going; another attempt reaches a new activation.</summary>
    public static bool IsTransient(Exception exception) => exception is SiloUnavailableException or OrleansMessageRejectionException;
}
