namespace TeamAccess;

/// <summary>How the API keys of service accounts (and, when the host allows them, members' personal keys) behave.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>
    /// Gets or sets the longest lifetime a key may be given: a request for more is refused with
    /// <see cref="TeamAccessErrorCode.InvalidApiKeyLifetime"/>, and a rotation's overlap is bounded by it too. Default 365
    /// days; 1 hour to 5 years.
    /// </summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Gets or sets the lifetime of a key whose request names none. Default 90 days; at most <see cref="MaxLifetime"/>.</summary>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Gets or sets how often an instance writes the last-used times of the keys it validated: one write per key used
    /// in the interval, never one per request. Default 1 minute; 1 second to 1 hour.
    /// </summary>
    public TimeSpan LastUsedFlushInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets whether a member may hold personal API keys for their own Active membership
    /// (<see cref="TeamAccess.ServiceAccounts.IPersonalKeyService"/>). Such a key acts with the member's permissions
    /// (optionally narrowed), never more, and dies with the membership. Default <see langword="false"/>: keys are refused
    /// at creation (<see cref="TeamAccessErrorCode.PersonalKeysDisabled"/>) and existing personal keys stop validating.
    /// </summary>
    public bool AllowPersonalKeys { get; set; }

    internal IEnumerable<string> Validate()
    {
        if (MaxLifetime < TimeSpan.FromHours(1) || MaxLifetime > TimeSpan.FromDays(5 * 366))
        {
            yield return $"ApiKeys.MaxLifetime must be between 1 hour and 5 years; it is {MaxLifetime}.";
        }

        if (DefaultLifetime <= TimeSpan.Zero || DefaultLifetime > MaxLifetime)
        {
            yield return $"ApiKeys.DefaultLifetime must be positive and at most ApiKeys.MaxLifetime; it is {DefaultLifetime}.";
        }

        if (LastUsedFlushInterval < TimeSpan.FromSeconds(1) || LastUsedFlushInterval > TimeSpan.FromHours(1))
        {
            yield return $"ApiKeys.LastUsedFlushInterval must be between 1 second and 1 hour; it is {LastUsedFlushInterval}.";
        }
    }
}
