using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>
/// One audit event: who did what to which subject, and the subject before and after as JSON, without the stamps,
/// counters and lockout data the log keeps for replay (the log never holds a secret).
/// </summary>
internal sealed record AuditEventResponse(long Sequence, DateTimeOffset OccurredAt, Guid? ActorId, AuditSubjectKind SubjectKind, Guid SubjectId, string Action, JsonNode? Before, JsonNode? After)
{
    private static readonly string[] Internal = ["securityStamp", "concurrencyStamp", "failedSignInCount", "lockoutEnd", "sessionStamp"];

    public static AuditEventResponse From(AuditEvent e) =>
        new(e.Sequence, e.OccurredAt, e.ActorId?.Value, e.SubjectKind, e.SubjectId, e.Action, Json(e.Before), Json(e.After));

    private static JsonNode? Json(string? json)
    {
        var node = json is null ? null : JsonNode.Parse(json);
        if (node is JsonObject subject)
        {
            foreach (var name in Internal)
            {
                subject.Remove(name);
            }
        }

        return node;
    }
}
