using System.Text.Json.Nodes;
using TeamAccess.Provisioning;

namespace TeamAccess.AspNetCore.Scim;

/// <summary>What this service provider tells a directory about itself (RFC 7643 5-7, RFC 7644 4): its configuration, resource types and schemas.</summary>
internal static class ScimDiscovery
{
    public static JsonObject ServiceProviderConfig(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = DirectoryUserQuery.MaxCount },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = true },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "TeamAccess API key",
            ["description"] = "An API key of a service account of the team whose role holds directory.provision, sent as Authorization: Bearer ta_...",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = $"{baseUrl}/ServiceProviderConfig" },
    };

    public static IEnumerable<JsonObject> ResourceTypes(string baseUrl) =>
    [
        ResourceType(baseUrl, "User", "/Users", ScimJson.UserSchema, ScimJson.MembershipSchema),
        ResourceType(baseUrl, "Group", "/Groups", ScimJson.GroupSchema, null),
    ];

    public static IEnumerable<JsonObject> Schemas(string baseUrl) =>
    [
        Schema(baseUrl, ScimJson.UserSchema, "User", "A person of the team: userName is their email address.",
            Attribute("userName", "string", "immutable", required: true, uniqueness: "server"),
            Attribute("externalId", "string", "readWrite", caseExact: true),
            Complex("name", Attribute("givenName", "string", "readWrite"), Attribute("familyName", "string", "readWrite"), Attribute("formatted", "string", "readOnly")),
            Attribute("displayName", "string", "readWrite"),
            Attribute("active", "boolean", "readWrite"),
            Complex("emails", Attribute("value", "string", "readOnly"), Attribute("type", "string", "readOnly"), Attribute("primary", "boolean", "readOnly")).Also("multiValued", true).Also("mutability", "readOnly")),
        Schema(baseUrl, ScimJson.GroupSchema, "Group", "A group of the team.",
            Attribute("displayName", "string", "readWrite", required: true),
            Complex("members", Attribute("value", "string", "immutable"), Attribute("$ref", "reference", "immutable"), Attribute("type", "string", "immutable")).Also("multiValued", true)),
        Schema(baseUrl, ScimJson.MembershipSchema, "Membership", "The person's membership of the team as TeamAccess keeps it.",
            Attribute("origin", "string", "readOnly"), Attribute("role", "string", "readOnly"), Attribute("status", "string", "readOnly")),
    ];

    private static JsonObject ResourceType(string baseUrl, string name, string endpoint, string schema, string? extension)
    {
        var type = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
            ["id"] = name,
            ["name"] = name,
            ["endpoint"] = endpoint,
            ["schema"] = schema,
        };
        if (extension is not null)
        {
            type["schemaExtensions"] = new JsonArray(new JsonObject { ["schema"] = extension, ["required"] = false });
        }

        type["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/{name}" };
        return type;
    }

    private static JsonObject Schema(string baseUrl, string id, string name, string description, params JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Schema"),
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["attributes"] = new JsonArray(attributes),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{baseUrl}/Schemas/{id}" },
    };

    private static JsonObject Attribute(string name, string type, string mutability, bool required = false, string uniqueness = "none", bool caseExact = false) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["multiValued"] = false,
        ["required"] = required,
        ["caseExact"] = caseExact,
        ["mutability"] = mutability,
        ["returned"] = "default",
        ["uniqueness"] = uniqueness,
    };

    private static JsonObject Complex(string name, params JsonObject[] subAttributes) =>
        Attribute(name, "complex", "readWrite").Also("subAttributes", new JsonArray(subAttributes));

    private static JsonObject Also(this JsonObject node, string name, JsonNode? value)
    {
        node[name] = value;
        return node;
    }
}
