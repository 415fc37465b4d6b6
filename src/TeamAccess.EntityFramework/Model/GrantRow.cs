namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>A grant; its permission names (which never hold a space) are stored space-separated.</summary>
internal sealed class GrantRow
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public GrantSubjectKind SubjectKind { get; set; }

    public Guid SubjectId { get; set; }

    public string ResourceId { get; set; } = "";

    public string Permissions { get; set; } = "";

    public Guid GrantedBy { get; set; }
}
