using System.Text.Json.Nodes;

namespace TeamAccess.Storage;

/// <summary>
/// What a reader of the audit log may see of a subject: the one projection of the stored snapshots that every reader
/// gets (<see cref="TeamAccess.Audit.IAuditLog"/>, so also the HTTP <c>/audit</c> route, and every <see cref="TeamAccess.Events.TeamAccessEvent"/>). It is
/// an allow-list: per subject it names the fields a reader sees, and everything else the log keeps for replay (stamps,
/// counters, lockout data, pending reset and activation dates, the team's version) is left out, as is any field added
/// later until it is named here. <see cref="Withheld"/> names what is left out on purpose, so that a test can insist
/// that every stored field is one or the other. Only the store's own log (<c>IAuditStore</c>) keeps the full snapshot,
/// which <c>AuditReplay</c> rebuilds a team from.
/// </summary>
internal static class AuditView
{
    /// <summary>A scalar field, or an array of scalars; an object found there is left out.</summary>
    private static readonly Shape Value = new([]);

    /// <summary>An id: shown as its GUID string, whether the row stored it so or (rows written before) as an object with its value.</summary>
    private static readonly Shape Id = new([], isId: true);

    private static readonly Shape Invitation = Fields(
        ("expiresAt", Value), ("lastSentAt", Value), ("sendCount", Value), ("lifetime", Value), ("acceptedAt", Value), ("declinedAt", Value));

    private static readonly Shape Team = Fields(
        ("id", Id), ("name", Value), ("handle", Value), ("tier", Value), ("status", Value), ("createdAt", Value),
        ("signInPolicy", Fields(("requiresSso", Value), ("ssoProvider", Value), ("acceptedProviders", Value), ("verifiedDomain", Value), ("justInTimeRole", Value), ("secondFactorRequired", Value), ("passkeyRequired", Value))),
        ("ownershipOffer", Fields(("id", Id), ("from", Id), ("to", Id), ("keepRole", Value), ("offeredAt", Value), ("expiresAt", Value))));

    private static readonly Shape Membership = Fields(
        ("id", Id), ("teamId", Id), ("userId", Id), ("email", Value), ("role", Value), ("status", Value), ("createdAt", Value),
        ("createdBy", Id), ("invitation", Invitation), ("updatedAt", Value), ("serviceAccountName", Value), ("description", Value),
        ("origin", Value), ("externalId", Value));

    private static readonly Shape Group = Fields(("id", Id), ("teamId", Id), ("name", Value), ("handle", Value), ("members", Id));

    private static readonly Shape Grant = Fields(
        ("id", Id), ("teamId", Id), ("subject", Fields(("kind", Value), ("id", Id))), ("resourceId", Value), ("permissions", Value), ("grantedBy", Id));

    private static readonly Shape TeamRole = Fields(
        ("id", Id), ("teamId", Id), ("name", Value), ("rank", Value), ("permissions", Value), ("isReadOnly", Value), ("isScopedToGrants", Value));

    private static readonly Shape User = Fields(("id", Id), ("email", Value), ("firstName", Value), ("lastName", Value), ("createdAt", Value), ("emailConfirmed", Value));

    private static readonly Shape Login = Fields(("userId", Id), ("provider", Value), ("issuer", Value), ("subject", Value));

    private static readonly Shape SignedOutSession = Fields(("sessionId", Value), ("userId", Id), ("revokedAt", Value), ("expiresAt", Value));

    private static readonly Shape ApiKey = Fields(
        ("id", Id), ("teamId", Id), ("membershipId", Id), ("name", Value), ("permissions", Value), ("createdAt", Value), ("expiresAt", Value),
        ("createdBy", Id), ("revokedAt", Value), ("replacedBy", Id));

    private static readonly Shape TeamProvider = Fields(
        ("id", Id), ("teamId", Id), ("displayName", Value), ("issuer", Value), ("clientId", Value), ("scopes", Value), ("emailClaim", Value),
        ("requiresSecondFactor", Value), ("state", Value), ("jwksUri", Value), ("authorizationEndpoint", Value), ("tokenEndpoint", Value),
        ("createdAt", Value), ("updatedAt", Value));

    private static readonly Shape TeamDomain = Fields(
        ("id", Id), ("teamId", Id), ("domain", Value), ("challenge", Value), ("state", Value), ("verifiedDomain", Value), ("createdAt", Value),
        ("checkedAt", Value), ("nextCheckAt", Value));

    private static readonly Shape Nothing = Fields();

    /// <summary>
    /// The stored fields no reader sees, by the stored type they belong to: the log keeps them so that replay rebuilds
    /// the team, or because the store's record has them, but they are for the library alone.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Withheld = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Team"] = ["version"],
        ["StoredMembership"] = ["securityStamp"],
        ["StoredApiKey"] = ["hash"],
        ["StoredTeamProvider"] = ["protectedClientSecret"],
        ["Invitation"] = ["codeAttempts"],
        ["StoredUser"] = ["concurrencyStamp", "emailConfirmationExpiresAt", "failedSignInCount", "lockoutEnd", "sessionStamp", "passwordResetExpiresAt", "authenticatorConfirmedAt", "authenticatorLastTimeStep", "passkeyCount"],
    };

    /// <summary>The event as a reader may see it: the same event, its snapshots projected.</summary>
    /// <param name="audit">The stored event.</param>
    /// <returns>The projected event.</returns>
    public static AuditEvent Project(AuditEvent audit) =>
        audit with { Before = Project(audit.SubjectKind, audit.Action, audit.Before), After = Project(audit.SubjectKind, audit.Action, audit.After) };

    /// <summary>A stored snapshot as a reader may see it.</summary>
    /// <param name="kind">What the event is about.</param>
    /// <param name="action">The event's action (a user event's snapshot is a user, a linked login or a signed-out session).</param>
    /// <param name="json">The stored snapshot.</param>
    /// <returns>The projected snapshot, or <see langword="null"/> when there was none.</returns>
    public static string? Project(AuditSubjectKind kind, string action, string? json) =>
        ProjectNode(kind, action, json)?.ToJsonString(AuditJson.Options);

    /// <inheritdoc cref="Project(AuditSubjectKind, string, string?)"/>
    public static JsonNode? ProjectNode(AuditSubjectKind kind, string action, string? json)
    {
        if (json is null)
        {
            return null;
        }

        var node = JsonNode.Parse(json);
        return node is null ? null : Apply(node, ShapeOf(kind, action)) ?? new JsonObject();
    }

    /// <summary>The fields a reader sees of one subject, for the test that holds every stored field to a decision.</summary>
    /// <param name="kind">What the event is about.</param>
    /// <param name="action">The event's action.</param>
    /// <returns>The field names at the top level.</returns>
    internal static IEnumerable<string> ShownFields(AuditSubjectKind kind, string action) => ShapeOf(kind, action).Names;

    private static Shape ShapeOf(AuditSubjectKind kind, string action) => kind switch
    {
        AuditSubjectKind.Team => Team,
        AuditSubjectKind.Membership => Membership,
        AuditSubjectKind.Group => Group,
        AuditSubjectKind.Grant => Grant,
        AuditSubjectKind.TeamRole => TeamRole,
        AuditSubjectKind.ApiKey => ApiKey,
        AuditSubjectKind.TeamProvider => TeamProvider,
        AuditSubjectKind.TeamDomain => TeamDomain,
        AuditSubjectKind.User when action == AuditActions.UserLoginLinked => Login,
        AuditSubjectKind.User when action == AuditActions.UserSignedOut => SignedOutSession,
        AuditSubjectKind.User => User,
        _ => Nothing,
    };

    /// <summary>Projects a node: scalars are kept, arrays projected item by item, objects reduced to the shape's fields.</summary>
    private static JsonNode? Apply(JsonNode? node, Shape shape)
    {
        if (shape.IsId)
        {
            return node switch
            {
                JsonArray ids => new JsonArray([.. ids.Select(id => Apply(id, shape))]),
                JsonObject old => old.TryGetPropertyValue("value", out var value) && value is JsonValue ? value.DeepClone() : null,
                _ => node?.DeepClone(),
            };
        }

        switch (node)
        {
            case null:
                return null;
            case JsonArray items:
                var array = new JsonArray();
                foreach (var item in items)
                {
                    if (item is not JsonObject || shape.HasFields)
                    {
                        array.Add(Apply(item, shape));
                    }
                }

                return array;
            case JsonObject subject when shape.HasFields:
                var projected = new JsonObject();
                foreach (var (name, child) in subject)
                {
                    if (shape.Field(name) is { } inner && (child is not JsonObject || inner.HasFields || inner.IsId))
                    {
                        projected[name] = Apply(child, inner);
                    }
                }

                return projected;
            case JsonObject:
                return null;
            default:
                return node.DeepClone();
        }
    }

    private static Shape Fields(params (string Name, Shape Shape)[] fields) => new(fields.ToDictionary(f => f.Name, f => f.Shape, StringComparer.Ordinal));

    private sealed class Shape(Dictionary<string, Shape> fields, bool isId = false)
    {
        public bool IsId => isId;

        public bool HasFields => fields.Count > 0;

        public IEnumerable<string> Names => fields.Keys;

        public Shape? Field(string name) => fields.GetValueOrDefault(name);
    }
}
