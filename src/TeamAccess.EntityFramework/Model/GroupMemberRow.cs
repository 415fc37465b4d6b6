namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>A membership in a group. The team id is repeated so that a team's rows load with one predicate per table.</summary>
internal sealed class GroupMemberRow
{
    public Guid GroupId { get; set; }

    public Guid MembershipId { get; set; }

    public Guid TeamId { get; set; }
}
