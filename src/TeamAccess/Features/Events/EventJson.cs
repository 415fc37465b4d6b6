using System.Text.Json;

namespace TeamAccess.Events;

/// <summary>
/// The JSON of an event's subject: the audit log's snapshot as every reader of the log sees it (<see cref="AuditView"/>,
/// an allow-list: no stamp, counter, lockout or pending-token data). The typed fields of an event are read from the stored
/// records (<see cref="AuditJson"/>), never from this JSON by property name.
/// </summary>
internal static class EventJson
{
    public static JsonElement? Clean(AuditEvent audit, string? json) =>
        AuditView.ProjectNode(audit.SubjectKind, audit.Action, json) is { } node ? JsonSerializer.SerializeToElement(node, AuditJson.TypeInfo<System.Text.Json.Nodes.JsonNode>()) : null;
}
