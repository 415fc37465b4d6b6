namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>An invitation's hashed secrets, in a table of their own so that reading memberships never reads them.</summary>
internal sealed class InvitationSecretRow
{
    public Guid MembershipId { get; set; }

    public Guid TeamId { get; set; }

    public string TokenHash { get; set; } = "";

    public string CodeHash { get; set; } = "";

    public string CodeSalt { get; set; } = "";
}
