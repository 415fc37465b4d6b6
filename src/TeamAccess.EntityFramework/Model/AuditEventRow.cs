namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>An audit event; the database assigns the sequence.</summary>
internal sealed class AuditEventRow
{
    public long Sequence { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public Guid? ActorId { get; set; }

    /// <summary>The API key the actor acted through, if any.</summary>
    public Guid? ActorKeyId { get; set; }

    public Guid? TeamId { get; set; }

    public AuditSubjectKind SubjectKind { get; set; }

    public Guid SubjectId { get; set; }

    public string Action { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }
}
