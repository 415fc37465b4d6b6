using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore.Scim;

/// <summary>
/// What a SCIM PATCH (RFC 7644 3.5.2) or PUT (3.5.1) says of a group: its new <c>displayName</c> (the TeamAccess group's
/// name; its handle stays), and its members: add members, remove members (by a <c>members[value eq "id"]</c> path, by a
/// value list, or all of them), replace them all. A group's <c>displayName</c> cannot be removed (it is required); its
/// <c>externalId</c> is not stored.
/// </summary>
internal sealed class ScimGroupEdit
{
    public HashSet<MembershipId> Add { get; } = [];

    public HashSet<MembershipId> Remove { get; } = [];

    public bool RemoveAll { get; private set; }

    public HashSet<MembershipId>? ReplaceWith { get; private set; }

    /// <summary>Gets the group's new name, or <see langword="null"/> to keep it.</summary>
    public string? Rename { get; private set; }

    /// <summary>Reads a whole Group resource (a PUT): its name and all its members (none when <c>members</c> is absent).</summary>
    public static (ScimGroupEdit? Edit, ScimResult? Error) FromResource(JsonObject body)
    {
        if (body["displayName"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
        {
            return (null, ScimErrors.Value("displayName is required and is a string."));
        }

        var edit = new ScimGroupEdit { Rename = name.GetValue<string>(), ReplaceWith = [] };
        return Members(body["members"], edit.ReplaceWith) is { } error ? (null, error) : (edit, null);
    }

    /// <summary>Reads the operations against the group's current name.</summary>
    public static (ScimGroupEdit? Edit, ScimResult? Error) FromPatch(JsonObject body, string currentName)
    {
        if (ScimPatch.Operations(body) is not { } operations)
        {
            return (null, ScimErrors.Syntax($"A PATCH body names {ScimJson.PatchSchema} and carries an Operations array."));
        }

        var edit = new ScimGroupEdit();
        foreach (var (op, path, value) in operations)
        {
            var error = path is null
                ? (op == "remove" ? ScimErrors.NoTarget("A remove operation needs a path.")
                    : value is JsonObject attributes ? attributes.Select(a => edit.Apply(op, a.Key, a.Value, currentName)).FirstOrDefault(e => e is not null)
                    : ScimErrors.Value("An operation without a path carries an object of attributes."))
                : edit.Apply(op, path, value, currentName);
            if (error is not null)
            {
                return (null, error);
            }
        }

        return (edit, null);
    }

    /// <summary>Reads a members array (or one member object): each a <c>value</c> naming a person's id.</summary>
    public static ScimResult? Members(JsonNode? value, ICollection<MembershipId> into)
    {
        var items = value switch
        {
            JsonArray array => array.ToList(),
            JsonObject one => [one],
            null => [],
            _ => null,
        };
        if (items is null)
        {
            return ScimErrors.Value("members is an array of objects with a value.");
        }

        foreach (var item in items)
        {
            if (item is not JsonObject member || member["value"] is not JsonValue v || v.GetValueKind() != JsonValueKind.String || !Guid.TryParse(v.GetValue<string>(), out var id))
            {
                return ScimErrors.Value("Each member has a value: the id of a person of the team.");
            }

            into.Add(new MembershipId(id));
        }

        return null;
    }

    private ScimResult? Apply(string op, string path, JsonNode? value, string currentName)
    {
        if (path.StartsWith(ScimJson.GroupSchema + ":", StringComparison.OrdinalIgnoreCase))
        {
            path = path[(ScimJson.GroupSchema.Length + 1)..];
        }

        if (path.Equals("displayName", StringComparison.OrdinalIgnoreCase))
        {
            if (op == "remove")
            {
                return ScimErrors.Mutability("A group's displayName is required: it can be replaced, not removed.");
            }

            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                return ScimErrors.Value("displayName is a string.");
            }

            Rename = v.GetValue<string>() == currentName ? null : v.GetValue<string>();
            return null;
        }

        if (path.Equals("externalId", StringComparison.OrdinalIgnoreCase) || path.Equals("id", StringComparison.OrdinalIgnoreCase) || path.Equals("meta", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (path.Equals("members", StringComparison.OrdinalIgnoreCase))
        {
            switch (op)
            {
                case "add":
                    return Members(value, Add);
                case "replace":
                    ReplaceWith = [];
                    Add.Clear();
                    Remove.Clear();
                    RemoveAll = false;
                    return Members(value, ReplaceWith);
                default:
                    if (value is null)
                    {
                        RemoveAll = true;
                        return null;
                    }

                    return Members(value, Remove);
            }
        }

        // members[value eq "2819c223-..."]: one member, by the filter RFC 7644 3.5.2.2 shows.
        if (op == "remove" && path.StartsWith("members[", StringComparison.OrdinalIgnoreCase) && path.EndsWith(']'))
        {
            if (!ScimFilter.TryParse(path["members[".Length..^1], ["value"], string.Empty, out var clauses, out var error) || !Guid.TryParse(clauses.GetValueOrDefault("value"), out var id))
            {
                return ScimErrors.Path(string.IsNullOrEmpty(error) ? "A member is named by its value, a person's id." : error);
            }

            Remove.Add(new MembershipId(id));
            return null;
        }

        return ScimErrors.Path($"The path '{path}' is not one of this service provider's.");
    }
}
