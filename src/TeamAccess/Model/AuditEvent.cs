namespace TeamAccess;

/// <summary>
/// One change, as the store persisted it in the same transaction as the change: every change emits one. <see cref="Before"/>
/// and <see cref="After"/> are JSON snapshots of the subject, so replaying a team's events from empty rebuilds the team
/// (invariant 17). No secret is ever part of them. <see cref="TeamAccess.Audit.IAuditLog"/> and the events hand readers a projection of
/// them that also leaves out the stamps, counters and lockout and pending-token dates the log keeps for replay.
/// </summary>
public sealed record AuditEvent
{
    /// <summary>Initializes a new instance of the <see cref="AuditEvent"/> record.</summary>
    /// <param name="sequence">The global, increasing sequence number the store assigned; 0 before it is stored.</param>
    /// <param name="occurredAt">When the change happened.</param>
    /// <param name="actorId">Who made it; <see langword="null"/> for the system.</param>
    /// <param name="teamId">The team it belongs to; <see langword="null"/> for a change to a user account alone.</param>
    /// <param name="subjectKind">What kind of subject changed.</param>
    /// <param name="subjectId">The subject's id.</param>
    /// <param name="action">What happened: an audit action such as <c>membership.role_changed</c> (each event type names its own, <see cref="Events.TeamAccessEvent.ActionOf{TEvent}"/>).</param>
    /// <param name="before">The subject before, as JSON; <see langword="null"/> when it was created.</param>
    /// <param name="after">The subject after, as JSON; <see langword="null"/> when it was deleted.</param>
    public AuditEvent(long sequence, DateTimeOffset occurredAt, UserId? actorId, TeamId? teamId, AuditSubjectKind subjectKind, Guid subjectId, string action, string? before, string? after)
    {
        Sequence = sequence;
        OccurredAt = occurredAt;
        ActorId = actorId;
        TeamId = teamId;
        SubjectKind = subjectKind;
        SubjectId = subjectId;
        Action = action;
        Before = before;
        After = after;
    }

    /// <summary>Gets the global, increasing sequence number the store assigned; 0 before it is stored.</summary>
    public long Sequence { get; init; }

    /// <summary>Gets when the change happened.</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Gets who made it; <see langword="null"/> for the system.</summary>
    public UserId? ActorId { get; init; }

    /// <summary>
    /// Gets the API key the actor acted through, when a service account's (or a user's personal) key made the change;
    /// <see langword="null"/> for a session or the host.
    /// </summary>
    public ApiKeyId? ActorKeyId { get; init; }

    /// <summary>Gets the team it belongs to; <see langword="null"/> for a change to a user account alone.</summary>
    public TeamId? TeamId { get; init; }

    /// <summary>Gets what kind of subject changed.</summary>
    public AuditSubjectKind SubjectKind { get; init; }

    /// <summary>Gets the subject's id.</summary>
    public Guid SubjectId { get; init; }

    /// <summary>Gets what happened: an audit action such as <c>membership.role_changed</c> (each event type names its own, <see cref="Events.TeamAccessEvent.ActionOf{TEvent}"/>).</summary>
    public string Action { get; init; }

    /// <summary>Gets the subject before, as JSON; <see langword="null"/> when it was created.</summary>
    public string? Before { get; init; }

    /// <summary>Gets the subject after, as JSON; <see langword="null"/> when it was deleted.</summary>
    public string? After { get; init; }
}
