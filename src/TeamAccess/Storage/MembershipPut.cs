namespace TeamAccess.Storage;

/// <summary>A membership was added or changed.</summary>
public sealed class MembershipPut : TeamOperation
{
    /// <summary>Initializes a new instance of the <see cref="MembershipPut"/> class.</summary>
    /// <param name="before">The membership before; <see langword="null"/> when the write adds it.</param>
    /// <param name="after">The membership to store.</param>
    /// <param name="action">The audit action.</param>
    public MembershipPut(StoredMembership? before, StoredMembership after, string action)
    {
        Before = before;
        After = after;
        Action = action;
    }

    /// <summary>Gets the membership before; <see langword="null"/> when the write adds it.</summary>
    public StoredMembership? Before { get; }

    /// <summary>Gets the membership to store.</summary>
    public StoredMembership After { get; }

    /// <summary>Gets the audit action.</summary>
    public string Action { get; }

    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.Membership, After.Id.Value, Action, Before, After);
}
