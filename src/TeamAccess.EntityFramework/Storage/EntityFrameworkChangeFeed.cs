namespace TeamAccess.EntityFramework;

/// <summary>What the EF Core store's change feed tells listeners on PostgreSQL.</summary>
public static class EntityFrameworkChangeFeed
{
    /// <summary>
    /// The channel of the payload-free NOTIFY that every commit sends on PostgreSQL, delivered at COMMIT. A listener
    /// reads the feed (the <c>ta_change_feed</c> table) when it hears one.
    /// </summary>
    public const string NotifyChannel = "teamaccess_changes";
}
