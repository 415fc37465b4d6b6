namespace TeamAccess.Index;

/// <summary>The synchronous stop shared by the instance's background loops (the change-feed follower, the event dispatcher).</summary>
internal static class BackgroundLoop
{
    /// <summary>
    /// Cancels <paramref name="stop"/> and waits a moment for <paramref name="loop"/> to end, for hosts that dispose their
    /// container synchronously: the loop ends at its next await once cancelled, and the wait keeps it from outliving the container.
    /// </summary>
    public static void CancelAndWait(CancellationTokenSource stop, Task? loop)
    {
        if (!stop.IsCancellationRequested)
        {
            stop.Cancel();
        }

        try
        {
            loop?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping.
        }
    }
}
