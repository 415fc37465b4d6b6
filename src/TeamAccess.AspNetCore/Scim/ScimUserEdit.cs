using System.Text.Json;
using System.Text.Json.Nodes;
using TeamAccess.Provisioning;

namespace TeamAccess.AspNetCore.Scim;

/// <summary>
/// What a SCIM request says of a person (a POST or PUT body, or PATCH operations), read attribute by attribute. The
/// attributes that map are <c>userName</c> (the address), <c>externalId</c>, <c>active</c>, <c>name.givenName</c>,
/// <c>name.familyName</c> and <c>displayName</c> (the names, when <c>name</c> has none); the other core and enterprise
/// extension attributes have no home in TeamAccess and are accepted and not stored; read-only ones are ignored (RFC
/// 7643 2.2); an attribute this service provider does not know is refused in a PATCH path.
/// </summary>
internal sealed class ScimUserEdit
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "meta", "schemas", "groups", "emails", "nickName", "profileUrl", "title", "userType", "preferredLanguage", "locale",
        "timezone", "password", "phoneNumbers", "ims", "photos", "addresses", "entitlements", "roles", "x509Certificates",
    };

    private static readonly HashSet<string> IgnoredNames = new(StringComparer.OrdinalIgnoreCase) { "formatted", "middleName", "honorificPrefix", "honorificSuffix" };

    private string? _displayName;

    public string? Email { get; private set; }

    public bool SetsExternalId { get; private set; }

    public string? ExternalId { get; private set; }

    public bool? Active { get; private set; }

    public string? FirstName { get; private set; }

    public string? LastName { get; private set; }

    /// <summary>Reads a POST or PUT body: every attribute it carries, as an <c>add</c> would.</summary>
    public static (ScimUserEdit? Edit, ScimResult? Error) FromResource(JsonObject body)
    {
        if (body["schemas"] is not JsonArray schemas || !schemas.Any(s => s is JsonValue v && v.TryGetValue<string>(out var urn) && urn == ScimJson.UserSchema))
        {
            return (null, ScimErrors.Syntax($"The body's schemas must name {ScimJson.UserSchema}."));
        }

        var edit = new ScimUserEdit();
        foreach (var (name, value) in body)
        {
            if (edit.Apply("add", name, value, lenient: true) is { } error)
            {
                return (null, error);
            }
        }

        return edit.Email is null ? (null, ScimErrors.Value("userName is required and must be the person's email address.")) : (edit, null);
    }

    /// <summary>Reads a PATCH body's operations in order (RFC 7644 3.5.2); all of them or none apply.</summary>
    public static (ScimUserEdit? Edit, ScimResult? Error) FromPatch(JsonObject body)
    {
        if (ScimPatch.Operations(body) is not { } operations)
        {
            return (null, ScimErrors.Syntax($"A PATCH body names {ScimJson.PatchSchema} and carries an Operations array."));
        }

        var edit = new ScimUserEdit();
        foreach (var (op, path, value) in operations)
        {
            var error = path is not null ? edit.Apply(op, path, value, lenient: false)
                : op == "remove" ? ScimErrors.NoTarget("A remove operation needs a path.")
                : value is JsonObject attributes ? attributes.Select(a => edit.Apply(op, a.Key, a.Value, lenient: false)).FirstOrDefault(e => e is not null)
                : ScimErrors.Value("An operation without a path carries an object of attributes.");
            if (error is not null)
            {
                return (null, error);
            }
        }

        return (edit, null);
    }

    public DirectoryUserRequest ToRequest() => new(Email!)
    {
        ExternalId = ExternalId,
        FirstName = FirstName ?? SplitDisplayName().First,
        LastName = LastName ?? SplitDisplayName().Last,
        Active = Active ?? true,
    };

    public DirectoryUserChange ToChange(string? ifVersion, bool replacesExternalId) => new()
    {
        Email = Email,
        SetsExternalId = SetsExternalId || replacesExternalId,
        ExternalId = ExternalId,
        Active = Active,
        FirstName = FirstName ?? SplitDisplayName().First,
        LastName = LastName ?? SplitDisplayName().Last,
        IfVersion = ifVersion,
    };

    private (string? First, string? Last) SplitDisplayName()
    {
        var parts = _displayName?.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: 2 } ? (parts[0], parts[1]) : (null, null);
    }

    private ScimResult? Apply(string op, string path, JsonNode? value, bool lenient)
    {
        if (path.StartsWith(ScimJson.UserSchema + ":", StringComparison.OrdinalIgnoreCase))
        {
            path = path[(ScimJson.UserSchema.Length + 1)..];
        }

        // The enterprise extension's attributes have no home here, and the membership extension is read-only.
        if (path.StartsWith(ScimJson.EnterpriseSchema, StringComparison.OrdinalIgnoreCase) || path.StartsWith(ScimJson.MembershipSchema, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var root = path.Split('[', '.')[0];
        var sub = path.Length > root.Length && path[root.Length] == '.' ? path[(root.Length + 1)..] : null;
        var remove = op == "remove";
        switch (root.ToUpperInvariant())
        {
            case "USERNAME" when sub is null:
                if (remove)
                {
                    return ScimErrors.Mutability("userName is required.");
                }

                return Text(value, "userName", required: true, out var email) ?? Set(() => Email = email);
            case "EXTERNALID" when sub is null:
                SetsExternalId = true;
                if (remove)
                {
                    ExternalId = null;
                    return null;
                }

                return Text(value, "externalId", required: false, out var externalId) ?? Set(() => ExternalId = externalId);
            case "ACTIVE" when sub is null:
                if (remove)
                {
                    return ScimErrors.Mutability("active cannot be removed; replace it with false.");
                }

                return Boolean(value, out var active) ?? Set(() => Active = active);
            case "DISPLAYNAME" when sub is null:
                return remove ? null : Text(value, "displayName", required: false, out var display) ?? Set(() => _displayName = display);
            case "NAME":
                return remove ? null : Name(sub, value);
            case var other when Ignored.Contains(other):
                return null;
            default:
                return lenient ? null : ScimErrors.Path($"The attribute '{path}' is not one of this service provider's.");
        }
    }

    private ScimResult? Name(string? sub, JsonNode? value)
    {
        if (sub is null)
        {
            if (value is null)
            {
                return null;
            }

            if (value is not JsonObject name)
            {
                return ScimErrors.Value("name is an object.");
            }

            return name.Select(p => Name(p.Key, p.Value)).FirstOrDefault(e => e is not null);
        }

        if (sub.Equals("givenName", StringComparison.OrdinalIgnoreCase))
        {
            return Text(value, "name.givenName", required: false, out var first) ?? Set(() => FirstName = first);
        }

        if (sub.Equals("familyName", StringComparison.OrdinalIgnoreCase))
        {
            return Text(value, "name.familyName", required: false, out var last) ?? Set(() => LastName = last);
        }

        return IgnoredNames.Contains(sub) ? null : ScimErrors.Path($"The attribute 'name.{sub}' is not one of this service provider's.");
    }

    private static ScimResult? Set(Action set)
    {
        set();
        return null;
    }

    private static ScimResult? Text(JsonNode? value, string name, bool required, out string? text)
    {
        text = null;
        if (value is null)
        {
            return required ? ScimErrors.Value($"{name} cannot be null.") : null;
        }

        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return ScimErrors.Value($"{name} is a string.");
        }

        text = v.GetValue<string>();
        return null;
    }

    /// <summary>A boolean, or its text in any case (some directories send <c>"False"</c>).</summary>
    private static ScimResult? Boolean(JsonNode? value, out bool result)
    {
        result = false;
        if (value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            result = v.GetValue<bool>();
            return null;
        }

        if (value is JsonValue s && s.GetValueKind() == JsonValueKind.String && bool.TryParse(s.GetValue<string>(), out result))
        {
            return null;
        }

        return ScimErrors.Value("active is a boolean.");
    }
}
