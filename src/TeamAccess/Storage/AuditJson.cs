using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TeamAccess.Storage;

/// <summary>
/// The one JSON shape of audit snapshots, used to write them and to replay them. Ids are GUID strings, as everywhere a
/// host reads JSON; rows written before carry them as objects with a value, which the id converters still read. The
/// metadata is source-generated (<see cref="AuditJsonContext"/>), so trimmed and native AOT hosts write the same bytes.
/// </summary>
internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters =
        {
            // Enums as their names, one converter per enum of the rooms whose records are audited (Model and Storage;
            // a lower room never names a higher room's enum): the non-generic converter needs runtime code generation.
            new JsonStringEnumConverter<AccessPaths>(),
            new JsonStringEnumConverter<AccessReason>(),
            new JsonStringEnumConverter<AuditSubjectKind>(),
            new JsonStringEnumConverter<EventStart>(),
            new JsonStringEnumConverter<GrantSubjectKind>(),
            new JsonStringEnumConverter<HeldEventState>(),
            new JsonStringEnumConverter<IdentityProviderScope>(),
            new JsonStringEnumConverter<ImportOutcomeKind>(),
            new JsonStringEnumConverter<InvitationStatus>(),
            new JsonStringEnumConverter<InviteOutcomeKind>(),
            new JsonStringEnumConverter<MembershipOrigin>(),
            new JsonStringEnumConverter<MembershipStatus>(),
            new JsonStringEnumConverter<PermissionKind>(),
            new JsonStringEnumConverter<TeamAccessErrorCode>(),
            new JsonStringEnumConverter<TeamDomainState>(),
            new JsonStringEnumConverter<TeamProviderState>(),
            new JsonStringEnumConverter<TeamStatus>(),
            new JsonStringEnumConverter<TeamTier>(),
            new AuditIdConverter<UserId>(g => new(g), id => id.Value),
            new AuditIdConverter<TeamId>(g => new(g), id => id.Value),
            new AuditIdConverter<MembershipId>(g => new(g), id => id.Value),
            new AuditIdConverter<GroupId>(g => new(g), id => id.Value),
            new AuditIdConverter<GrantId>(g => new(g), id => id.Value),
            new AuditIdConverter<TeamRoleId>(g => new(g), id => id.Value),
            new AuditIdConverter<OwnershipOfferId>(g => new(g), id => id.Value),
        },
        WriteIndented = false,
        TypeInfoResolver = AuditJsonContext.Default,
    };

    public static string? Serialize<T>(T? value)
        where T : class =>
        value is null ? null : JsonSerializer.Serialize(value, TypeInfo<T>());

    public static T? Deserialize<T>(string? json)
        where T : class =>
        json is null ? null : JsonSerializer.Deserialize(json, TypeInfo<T>());

    /// <summary>The metadata of an audited type; a type missing from <see cref="AuditJsonContext"/> fails here, in every test that audits it.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
