namespace TeamAccess;

/// <summary>How an instance follows the change feed that keeps its permission index current with other instances' writes.</summary>
public sealed class ChangeFeedOptions
{
    /// <summary>
    /// Gets or sets the staleness bound: the longest an instance's answers may lag a commit made on another instance.
    /// Polling runs at half of it; an instance that cannot read the feed for longer reports itself unhealthy and logs a
    /// warning. Default 1 second; 50 milliseconds to 1 hour.
    /// </summary>
    public TimeSpan StalenessBound { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets whether an instance that cannot read the feed for longer than <see cref="StalenessBound"/> refuses
    /// every permission check and every session until it can again (fails closed): checks answer no
    /// (<see cref="AccessReason.IndexStale"/>) and session validation answers <see cref="TeamAccessErrorCode.IndexStale"/>.
    /// Default <see langword="false"/>: permission checks keep answering from its last state, and session validation
    /// reads the store for every session (a sign-out, reset or removal made on another instance still ends the session
    /// there) until the feed is read again; the health check reports Degraded and the log says so.
    /// </summary>
    public bool FailClosedWhenStale { get; set; }

    /// <summary>Gets or sets how many feed entries one read takes. Default 500; 1 to 100,000.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Gets or sets how long a check given a consistency token waits for the feed before it reads the team from the store
    /// instead. Default 100 milliseconds; zero reads at once.
    /// </summary>
    public TimeSpan ConsistencyWait { get; set; } = TimeSpan.FromMilliseconds(100);

    internal IEnumerable<string> Validate()
    {
        if (StalenessBound < TimeSpan.FromMilliseconds(50) || StalenessBound > TimeSpan.FromHours(1))
        {
            yield return $"ChangeFeed.StalenessBound must be between 50 milliseconds and 1 hour; it is {StalenessBound}.";
        }

        if (BatchSize is < 1 or > 100_000)
        {
            yield return $"ChangeFeed.BatchSize must be between 1 and 100,000; it is {BatchSize}.";
        }

        if (ConsistencyWait < TimeSpan.Zero || ConsistencyWait > StalenessBound)
        {
            yield return $"ChangeFeed.ConsistencyWait must be between zero and the staleness bound; it is {ConsistencyWait}.";
        }
    }
}
