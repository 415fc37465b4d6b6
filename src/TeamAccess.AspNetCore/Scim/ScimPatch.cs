using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore.Scim;

/// <summary>The operations of a SCIM PATCH body (RFC 7644 3.5.2): <c>add</c>, <c>replace</c> or <c>remove</c> (in any case), each with an optional path and value.</summary>
internal static class ScimPatch
{
    /// <summary>The most operations one PATCH carries.</summary>
    public const int MaxOperations = 1000;

    public static IReadOnlyList<(string Op, string? Path, JsonNode? Value)>? Operations(JsonObject body)
    {
        if (body["schemas"] is not JsonArray schemas || !schemas.Any(s => s is JsonValue v && v.TryGetValue<string>(out var urn) && urn == ScimJson.PatchSchema)
            || body["Operations"] is not JsonArray operations || operations.Count is 0 or > MaxOperations)
        {
            return null;
        }

        var read = new List<(string, string?, JsonNode?)>();
        foreach (var operation in operations)
        {
            if (operation is not JsonObject o || o["op"] is not JsonValue opValue || opValue.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }

            var op = opValue.GetValue<string>().ToLowerInvariant();
            if (op is not ("add" or "replace" or "remove"))
            {
                return null;
            }

            string? path = null;
            if (o["path"] is { } pathNode)
            {
                if (pathNode is not JsonValue p || p.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetValue<string>()))
                {
                    return null;
                }

                path = p.GetValue<string>().Trim();
            }

            read.Add((op, path, o["value"]?.DeepClone()));
        }

        return read;
    }
}
