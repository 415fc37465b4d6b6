using System.Globalization;
using System.Text.Json;

namespace TeamAccess.Events;

/// <summary>
/// One change a host may act on (publish a webhook, update its own records), projected from the audit event the store
/// wrote in the change's own transaction, and delivered to every <see cref="ITeamAccessEventHandler"/> after the commit:
/// at least once, in order, and resumed after a restart from the position the host's consumer stored. Each audit
/// action has its own sealed type (<see cref="MemberAddedEvent"/>, <see cref="InvitationSentEvent"/>,
/// <see cref="OwnershipTransferredEvent"/>, ...); <see cref="IdempotencyKey"/> is the same every time one event is
/// delivered, so a host publishing it can drop a repeat.
/// </summary>
public abstract class TeamAccessEvent
{
    private protected TeamAccessEvent(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Sequence = audit.Sequence;
        OccurredAt = audit.OccurredAt;
        ActorId = audit.ActorId;
        TeamId = audit.TeamId;
        SubjectKind = audit.SubjectKind;
        SubjectId = audit.SubjectId;
        Action = audit.Action;
        Before = EventJson.Clean(audit, audit.Before);
        After = EventJson.Clean(audit, audit.After);
    }

    /// <summary>Gets the audit log's sequence number of the change: increasing in commit order, unique in the store.</summary>
    public long Sequence { get; }

    /// <summary>
    /// Gets a key that is the same every time this event is delivered and different for every other event of the store
    /// (its sequence number, action and subject): what a webhook publisher or an outbox de-duplicates on.
    /// </summary>
    public string IdempotencyKey => string.Create(CultureInfo.InvariantCulture, $"teamaccess:{Sequence}:{Action}:{SubjectId:N}");

    /// <summary>Gets when the change happened.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>Gets who made the change; <see langword="null"/> for the system (an expiry, a sign-up before an account existed).</summary>
    public UserId? ActorId { get; }

    /// <summary>Gets the team the change belongs to; <see langword="null"/> for a change to a user account alone.</summary>
    public TeamId? TeamId { get; }

    /// <summary>Gets what kind of subject changed.</summary>
    public AuditSubjectKind SubjectKind { get; }

    /// <summary>Gets the subject's id (a membership's, team's, group's, grant's or user's).</summary>
    public Guid SubjectId { get; }

    /// <summary>Gets the audit action the event was projected from: the one its type names (<see cref="ActionOf{TEvent}"/>).</summary>
    public string Action { get; }

    /// <summary>
    /// Gets the subject before the change, as JSON (the audit log's shape), the fields every reader of the log sees (<see cref="AuditView"/>: no stamp, counter, lockout or pending-token data);
    /// <see langword="null"/> when the change created it.
    /// </summary>
    public JsonElement? Before { get; }

    /// <summary>
    /// Gets the subject after the change, as JSON (the audit log's shape), the fields every reader of the log sees (<see cref="AuditView"/>: no stamp, counter, lockout or pending-token data);
    /// <see langword="null"/> when the change deleted it.
    /// </summary>
    public JsonElement? After { get; }

    /// <summary>
    /// Projects one audit event to its typed event: what the dispatcher delivers, for a host that reads the audit log
    /// itself (<see cref="IAuditStore.ReadAllAsync"/>). An action this version has no type for gives an
    /// <see cref="UnrecognizedEvent"/>.
    /// </summary>
    /// <param name="audit">The audit event, as the store returned it.</param>
    /// <returns>The typed event.</returns>
    public static TeamAccessEvent From(AuditEvent audit) => TeamAccessEvents.From(audit);

    /// <summary>
    /// Gets the audit action events of one type are projected from (<see cref="MemberRoleChangedEvent"/> names
    /// <c>membership.role_changed</c>): how a host names an action, to filter the audit log it reads or to match an
    /// <see cref="AuditEvent.Action"/>.
    /// </summary>
    /// <typeparam name="TEvent">The event type; not <see cref="UnrecognizedEvent"/>, which stands for actions this version has no type for.</typeparam>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TEvent"/> is not projected from one action.</exception>
    public static string ActionOf<TEvent>()
        where TEvent : TeamAccessEvent => TeamAccessEvents.ActionOf(typeof(TEvent));

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"#{Sequence} {GetType().Name} ({Action}) {SubjectKind} {SubjectId}{(TeamId is { } team ? $" in team {team.Value}" : string.Empty)}");
}
