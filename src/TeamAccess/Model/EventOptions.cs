namespace TeamAccess;

/// <summary>How this instance delivers <see cref="TeamAccess.Events.TeamAccessEvent"/>s to the handlers registered with <see cref="TeamAccess.Hosting.TeamAccessBuilder.AddEventHandler{THandler}"/>.</summary>
public sealed class EventOptions
{
    /// <summary>The longest consumer name (the change-feed checkpoints' limit).</summary>
    public const int MaxConsumerLength = ChangeFeedReader.MaxConsumerLength;

    /// <summary>
    /// Gets or sets the consumer name under which the position of the last delivered event is stored (through
    /// <see cref="IChangeFeedCheckpoints"/>, the position being the audit sequence number). Instances that share it share
    /// the position, and so the delivery, one at a time (<see cref="LeaseDuration"/>): give each instance that must see every event (each publisher, each cache) a
    /// name of its own, and do not reuse a change-feed consumer's name. A consumer without a stored position starts where
    /// <see cref="StartFrom"/> says: the beginning of the audit log by default. Default <c>teamaccess.events</c>; 1 to 100 characters.
    /// </summary>
    public string Consumer { get; set; } = "teamaccess.events";

    /// <summary>
    /// Gets or sets how many events one read takes; the position is stored after each batch (and before a retry), so a
    /// killed process delivers at most one batch again. Default 100; 1 to 10,000.
    /// </summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Gets or sets how often the audit log is read when nothing wakes the dispatcher sooner (it also wakes each time
    /// this instance's change-feed follower reads a commit). Default 1 second; 10 milliseconds to 1 hour.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets where the consumer begins the first time it runs, when nothing is stored under <see cref="Consumer"/>:
    /// at the first event of the audit log (<see cref="EventStart.Beginning"/>, the default) or at its end
    /// (<see cref="EventStart.Now"/>: the end as read when the dispatcher's background loop first runs, just after the
    /// host starts, so a commit made in that moment may count as history). Once a position is stored it is the only thing
    /// that counts: a restart resumes there.
    /// </summary>
    public EventStart StartFrom { get; set; } = EventStart.Beginning;

    /// <summary>Gets or sets the first wait before an event whose handler threw is delivered again; it doubles on each failure. Default 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between two deliveries of a failing event. Default 1 minute; at least <see cref="RetryDelay"/>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets after how many failed deliveries of one held event the instance reports itself Degraded (through
    /// <see cref="TeamAccess.Hosting.TeamAccessHealthCheck"/>) and logs an error, so that a host notices an event to fix or to skip
    /// (<see cref="TeamAccess.Events.ITeamAccessEventAdmin.SkipAsync"/>). Default 5; 1 to 1,000.
    /// </summary>
    public int MaxAttemptsBeforeDegraded { get; set; } = 5;

    /// <summary>
    /// Gets or sets the length of the delivery lease that instances sharing the <see cref="Consumer"/> name take in turn
    /// (through the store's <see cref="TeamAccess.Storage.ITryCounterStore"/>): one instance delivers at a time, so none
    /// delivers an event another is delivering and a team's events keep their order. The holder renews ahead of time; if
    /// it stops, another instance takes over within a third of this, and if it is killed, within this and a third. A
    /// handler should return well within it (an overlap with the next holder is an event delivered twice, at least once
    /// as always). Instances' clocks must agree to within a third of it. Default 30 seconds; 3 seconds to 1 hour.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Validate()
    {
        if (LeaseDuration < TimeSpan.FromSeconds(3) || LeaseDuration > TimeSpan.FromHours(1))
        {
            yield return $"Events.LeaseDuration must be between 3 seconds and 1 hour; it is {LeaseDuration}.";
        }

        if (string.IsNullOrWhiteSpace(Consumer) || Consumer.Length > MaxConsumerLength)
        {
            yield return $"Events.Consumer must be 1 to {MaxConsumerLength} characters, not blank; it is '{Consumer}'.";
        }

        if (!Enum.IsDefined(StartFrom))
        {
            yield return $"Events.StartFrom must be Beginning or Now; it is {(int)StartFrom}.";
        }

        if (BatchSize is < 1 or > 10_000)
        {
            yield return $"Events.BatchSize must be between 1 and 10,000; it is {BatchSize}.";
        }

        if (PollInterval < TimeSpan.FromMilliseconds(10) || PollInterval > TimeSpan.FromHours(1))
        {
            yield return $"Events.PollInterval must be between 10 milliseconds and 1 hour; it is {PollInterval}.";
        }

        if (RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay || MaxRetryDelay > TimeSpan.FromDays(1))
        {
            yield return $"Events.RetryDelay must be positive and Events.MaxRetryDelay between it and 1 day; they are {RetryDelay} and {MaxRetryDelay}.";
        }

        if (MaxAttemptsBeforeDegraded is < 1 or > 1_000)
        {
            yield return $"Events.MaxAttemptsBeforeDegraded must be between 1 and 1,000; it is {MaxAttemptsBeforeDegraded}.";
        }
    }
}
