using System.Globalization;
using System.Text.Json.Nodes;
using TeamAccess.Provisioning;

namespace TeamAccess.AspNetCore.Scim;

/// <summary>The SCIM schema URNs, and the JSON of a TeamAccess person and group as SCIM resources (RFC 7643).</summary>
internal static class ScimJson
{
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string MembershipSchema = "urn:teamaccess:params:scim:schemas:extension:2.0:Membership";
    public const string ListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    /// <summary>A weak entity tag of a version (RFC 7232; SCIM's <c>meta.version</c> carries the same text).</summary>
    public static string ETag(string version) => $"W/\"{version}\"";

    /// <summary>The version an <c>If-Match</c> names: <see langword="null"/> for none or <c>*</c>; a weak or strong tag's value otherwise.</summary>
    public static string? IfMatch(string? header)
    {
        var value = header?.Split(',')[0].Trim();
        if (string.IsNullOrEmpty(value) || value == "*")
        {
            return null;
        }

        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Trim('"');
    }

    public static JsonObject User(DirectoryUser user, string baseUrl)
    {
        var json = new JsonObject
        {
            ["schemas"] = new JsonArray(UserSchema, MembershipSchema),
            ["id"] = user.Id.Value.ToString(),
        };
        if (user.ExternalId is not null)
        {
            json["externalId"] = user.ExternalId;
        }

        json["userName"] = user.Email;
        if (user.FirstName is not null || user.LastName is not null)
        {
            var formatted = $"{user.FirstName} {user.LastName}".Trim();
            json["name"] = new JsonObject { ["givenName"] = user.FirstName, ["familyName"] = user.LastName, ["formatted"] = formatted };
            json["displayName"] = formatted;
        }

        json["emails"] = new JsonArray(new JsonObject { ["value"] = user.Email, ["type"] = "work", ["primary"] = true });
        json["active"] = user.Active;
        json[MembershipSchema] = new JsonObject { ["origin"] = user.Origin.ToString(), ["role"] = user.Role, ["status"] = user.Status.ToString() };
        json["meta"] = Meta("User", $"{baseUrl}/Users/{user.Id.Value}", user.Version, user.CreatedAt, user.UpdatedAt);
        return json;
    }

    public static JsonObject Group(Group group, string baseUrl)
    {
        var members = new JsonArray();
        foreach (var member in group.Members)
        {
            members.Add((JsonNode)new JsonObject { ["value"] = member.Value.ToString(), ["$ref"] = $"{baseUrl}/Users/{member.Value}", ["type"] = "User" });
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray(GroupSchema),
            ["id"] = group.Id.Value.ToString(),
            ["displayName"] = group.Name,
            ["members"] = members,
            ["meta"] = Meta("Group", $"{baseUrl}/Groups/{group.Id.Value}", GroupVersion(group), null, null),
        };
    }

    /// <summary>A group's version: it changes whenever its name or members do.</summary>
    public static string GroupVersion(Group group)
    {
        var text = string.Join(',', [group.Name, .. group.Members.Select(m => m.Value.ToString("N"))]);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 10)).ToLowerInvariant();
    }

    public static JsonObject List(IEnumerable<JsonNode> resources, int total, int startIndex)
    {
        var array = new JsonArray([.. resources]);
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ListSchema),
            ["totalResults"] = total,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = array.Count,
            ["Resources"] = array,
        };
    }

    /// <summary>
    /// The attributes a request asks for (RFC 7644 3.9): <c>attributes</c> keeps only those named (and <c>id</c>, <c>schemas</c>),
    /// <c>excludedAttributes</c> drops those named (never <c>id</c>); a sub-attribute's name selects its parent.
    /// </summary>
    public static JsonObject Project(JsonObject resource, string? attributes, string? excludedAttributes)
    {
        static HashSet<string> Names(string list) =>
            list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => n.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && n.LastIndexOf(':') is var colon && !n.StartsWith(MembershipSchema, StringComparison.OrdinalIgnoreCase) ? n[(colon + 1)..] : n)
                .Select(n => n.Split('.')[0])
                .ToHashSet(StringComparer.OrdinalIgnoreCase);

        if (!string.IsNullOrWhiteSpace(attributes))
        {
            var keep = Names(attributes);
            foreach (var name in resource.Select(p => p.Key).ToList())
            {
                if (name is not ("id" or "schemas") && !keep.Contains(name))
                {
                    resource.Remove(name);
                }
            }
        }
        else if (!string.IsNullOrWhiteSpace(excludedAttributes))
        {
            foreach (var name in Names(excludedAttributes))
            {
                if (!name.Equals("id", StringComparison.OrdinalIgnoreCase) && !name.Equals("schemas", StringComparison.OrdinalIgnoreCase))
                {
                    resource.Remove(resource.Select(p => p.Key).FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? name);
                }
            }
        }

        return resource;
    }

    private static JsonObject Meta(string resourceType, string location, string version, DateTimeOffset? created, DateTimeOffset? lastModified)
    {
        var meta = new JsonObject { ["resourceType"] = resourceType };
        if (created is { } c)
        {
            meta["created"] = c.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        if (lastModified is { } m)
        {
            meta["lastModified"] = m.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        meta["location"] = location;
        meta["version"] = ETag(version);
        return meta;
    }
}
