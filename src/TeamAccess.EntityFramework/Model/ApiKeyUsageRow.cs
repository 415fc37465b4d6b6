namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>When one API key was last used (<see cref="IApiKeyUsageStore"/>): apart from the team's rows, so a use bumps no version.</summary>
internal sealed class ApiKeyUsageRow
{
    public Guid KeyId { get; set; }

    public Guid TeamId { get; set; }

    public long LastUsedAtUtcTicks { get; set; }
}
