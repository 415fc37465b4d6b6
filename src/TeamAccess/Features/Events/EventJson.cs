using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamAccess;

/// <summary>
/// The JSON of an event's subject: the audit log's snapshot without what a host must never be handed (stamps,
/// counters, lockout data; the log holds no secret, and any name that reads like one is dropped as well), and the few
/// reads the typed events make of it.
/// </summary>
internal static class EventJson
{
    /// <summary>The audit log keeps these for replay; an event leaves them out, at any depth (<c>codeAttempts</c> only in rows written before code tries left the team).</summary>
    internal static readonly string[] Internal = ["securityStamp", "concurrencyStamp", "failedSignInCount", "lockoutEnd", "sessionStamp", "codeAttempts"];

    public static JsonElement? Clean(string? json)
    {
        if (json is null)
        {
            return null;
        }

        var node = JsonNode.Parse(json);
        Strip(node);
        return JsonSerializer.SerializeToElement(node, AuditJson.Options);
    }

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

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject subject:
                foreach (var name in subject.Select(p => p.Key).Where(Hidden).ToList())
                {
                    subject.Remove(name);
                }

                foreach (var (_, child) in subject)
                {
                    Strip(child);
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Strip(item);
                }

                break;
        }
    }

    private static bool Hidden(string name) =>
        Internal.Contains(name, StringComparer.OrdinalIgnoreCase)
        || name.EndsWith("Hash", StringComparison.OrdinalIgnoreCase)
        || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || name.Contains("password", StringComparison.OrdinalIgnoreCase);
}
