namespace TeamAccess.Storage;

/// <summary>
/// An event a consumer read past but has not delivered: held behind a failure of its order key (its team, or its subject
/// when it has no team), or dead-lettered. The consumer's stored position is past it, so this record is what keeps it.
/// Only ids are kept: the event itself is read again from the audit log by its sequence number.
/// </summary>
/// <param name="Consumer">The consumer (<see cref="EventOptions.Consumer"/>).</param>
/// <param name="Sequence">The event's audit sequence number.</param>
/// <param name="OrderKey">What the event's order is promised within: <c>team:&lt;id&gt;</c>, or <c>&lt;subject kind&gt;:&lt;id&gt;</c> without a team.</param>
/// <param name="State">Held or dead-lettered.</param>
/// <param name="Attempts">How many deliveries failed on it (0 for an event waiting behind an earlier one of its key).</param>
/// <param name="HeldAt">When it was first held.</param>
/// <param name="LastError">The type of the last exception a handler threw on it (never its message, which may hold a tenant's values).</param>
/// <param name="DeadLetteredAt">When the host skipped it, for a dead letter.</param>
public sealed record HeldEvent(
    string Consumer,
    long Sequence,
    string OrderKey,
    HeldEventState State,
    int Attempts,
    DateTimeOffset HeldAt,
    string? LastError = null,
    DateTimeOffset? DeadLetteredAt = null);
