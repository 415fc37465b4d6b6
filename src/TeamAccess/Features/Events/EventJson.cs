using System.Text.Json;

namespace TeamAccess.Events;

/// <summary>
/// The JSON of an event's subject: the audit log's snapshot as every reader of the log sees it (<see cref="AuditView"/>,
/// an allow-list: no stamp, counter, lockout or pending-token data), and the few reads the typed events make of it.
/// </summary>
internal static class EventJson
{
    public static JsonElement? Clean(AuditEvent audit, string? json) =>
        AuditView.ProjectNode(audit.SubjectKind, audit.Action, json) is { } node ? JsonSerializer.SerializeToElement(node, AuditJson.Options) : null;

    public static string? String(JsonElement? subject, string name) =>
        Property(subject, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static Guid? Guid(JsonElement? subject, string name) =>
        Property(subject, name) switch
        {
            { ValueKind: JsonValueKind.String } value when value.TryGetGuid(out var id) => id,
            { ValueKind: JsonValueKind.Object } id when id.TryGetProperty("value", out var inner) && inner.TryGetGuid(out var guid) => guid,
            _ => null,
        };

    public static T? Enum<T>(JsonElement? subject, string name)
        where T : struct, Enum =>
        String(subject, name) is { } text && System.Enum.TryParse<T>(text, ignoreCase: true, out var value) ? value : null;

    private static JsonElement? Property(JsonElement? subject, string name) =>
        subject is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(name, out var value) ? value : null;
}
