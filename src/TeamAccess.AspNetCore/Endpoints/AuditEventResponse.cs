using System.Text.Json.Nodes;
using TeamAccess.Audit;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>
/// One audit event: who did what to which subject, and the subject before and after as JSON, exactly as
/// <see cref="IAuditLog"/> hands them out: the core's one projection for every reader of the log (an allow-list of the
/// fields a reader may see, shared with the events), so this route never decides on its own what to hide.
/// </summary>
internal sealed record AuditEventResponse(long Sequence, DateTimeOffset OccurredAt, Guid? ActorId, Guid? ActorKeyId, AuditSubjectKind SubjectKind, Guid SubjectId, string Action, JsonNode? Before, JsonNode? After)
{
    public static AuditEventResponse From(AuditEvent e) =>
        new(e.Sequence, e.OccurredAt, e.ActorId?.Value, e.ActorKeyId?.Value, e.SubjectKind, e.SubjectId, e.Action, Json(e.Before), Json(e.After));

    private static JsonNode? Json(string? json) => json is null ? null : JsonNode.Parse(json);
}
