namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>One change-feed entry: a commit changed this team (to this version) or this user.</summary>
internal sealed class ChangeFeedRow
{
    public long Position { get; set; }

    public Guid? TeamId { get; set; }

    public long TeamVersion { get; set; }

    public Guid? UserId { get; set; }
}
