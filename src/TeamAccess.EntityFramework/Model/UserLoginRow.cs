namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>A user's link to an external identity, unique by (issuer, subject).</summary>
internal sealed class UserLoginRow
{
    public string Issuer { get; set; } = "";

    public string Subject { get; set; } = "";

    public Guid UserId { get; set; }

    public string Provider { get; set; } = "";
}
