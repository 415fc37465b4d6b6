namespace TeamAccess;

/// <summary>How ownership offers behave.</summary>
public sealed class OwnershipOptions
{
    /// <summary>Gets or sets how long an ownership offer stays open. Default 7 days; 1 hour to 30 days.</summary>
    public TimeSpan OfferLifetime { get; set; } = TimeSpan.FromDays(7);

    internal IEnumerable<string> Validate()
    {
        if (OfferLifetime < TimeSpan.FromHours(1) || OfferLifetime > TimeSpan.FromDays(30))
        {
            yield return $"Ownership.OfferLifetime must be between 1 hour and 30 days; it is {OfferLifetime}.";
        }
    }
}
