namespace TeamAccess;

/// <summary>
/// One change, as the store persisted it in the same transaction as the change: every change emits one. <see cref="Before"/>
/// and <see cref="After"/> are JSON snapshots of the subject, so replaying a team's events from empty rebuilds the team
/// (invariant 17). No secret is ever part of them.
/// </summary>
/// <param name="Sequence">The global, increasing sequence number the store assigned; 0 before it is stored.</param>
/// <param name="OccurredAt">When the change happened.</param>
/// <param name="ActorId">Who made it; <see langword="null"/> for the system.</param>
/// <param name="TeamId">The team it belongs to; <see langword="null"/> for a change to a user account alone.</param>
/// <param name="SubjectKind">What kind of subject changed.</param>
/// <param name="SubjectId">The subject's id.</param>
/// <param name="Action">What happened, one of <see cref="AuditActions"/>.</param>
/// <param name="Before">The subject before, as JSON; <see langword="null"/> when it was created.</param>
/// <param name="After">The subject after, as JSON; <see langword="null"/> when it was deleted.</param>
public sealed record AuditEvent(
    long Sequence,
    DateTimeOffset OccurredAt,
    UserId? ActorId,
    TeamId? TeamId,
    AuditSubjectKind SubjectKind,
    Guid SubjectId,
    string Action,
    string? Before,
    string? After);
