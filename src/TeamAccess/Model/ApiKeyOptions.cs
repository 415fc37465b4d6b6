namespace TeamAccess;

/// <summary>How the API keys of service accounts behave.</summary>
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
    }
}
