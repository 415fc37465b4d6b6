using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamAccess.AspNetCore;

/// <summary>
/// JSON for TeamAccess's types in host APIs: ids as plain strings (<c>"6f1c…"</c>, not <c>{"value": …}</c>) and enums as
/// their names. <c>AddAspNetCore()</c> applies it to minimal APIs and MVC; call <see cref="Configure"/> for other options.
/// </summary>
public static class TeamAccessJson
{
    /// <summary>Adds the converters to <paramref name="options"/>.</summary>
    /// <param name="options">The serializer options.</param>
    /// <returns>The same options.</returns>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new IdConverter<UserId>(id => id.Value, g => new UserId(g)));
        options.Converters.Add(new IdConverter<TeamId>(id => id.Value, g => new TeamId(g)));
        options.Converters.Add(new IdConverter<MembershipId>(id => id.Value, g => new MembershipId(g)));
        options.Converters.Add(new IdConverter<GroupId>(id => id.Value, g => new GroupId(g)));
        options.Converters.Add(new IdConverter<GrantId>(id => id.Value, g => new GrantId(g)));
        options.Converters.Add(new IdConverter<TeamRoleId>(id => id.Value, g => new TeamRoleId(g)));
        options.Converters.Add(new IdConverter<OwnershipOfferId>(id => id.Value, g => new OwnershipOfferId(g)));
        // Enums as their names: one generic converter per public enum of TeamAccess (the non-generic converter needs
        // runtime code generation, which native AOT hosts lack).
        options.Converters.Add(new JsonStringEnumConverter<AccessPaths>());
        options.Converters.Add(new JsonStringEnumConverter<AccessReason>());
        options.Converters.Add(new JsonStringEnumConverter<AuditSubjectKind>());
        options.Converters.Add(new JsonStringEnumConverter<EventStart>());
        options.Converters.Add(new JsonStringEnumConverter<GrantSubjectKind>());
        options.Converters.Add(new JsonStringEnumConverter<TeamAccess.Storage.HeldEventState>());
        options.Converters.Add(new JsonStringEnumConverter<IdentityProviderScope>());
        options.Converters.Add(new JsonStringEnumConverter<ImportOutcomeKind>());
        options.Converters.Add(new JsonStringEnumConverter<InvitationStatus>());
        options.Converters.Add(new JsonStringEnumConverter<InviteOutcomeKind>());
        options.Converters.Add(new JsonStringEnumConverter<MembershipOrigin>());
        options.Converters.Add(new JsonStringEnumConverter<MembershipStatus>());
        options.Converters.Add(new JsonStringEnumConverter<TeamAccess.Accounts.PasswordCriterion>());
        options.Converters.Add(new JsonStringEnumConverter<PermissionKind>());
        options.Converters.Add(new JsonStringEnumConverter<TeamAccessErrorCode>());
        options.Converters.Add(new JsonStringEnumConverter<TeamDomainState>());
        options.Converters.Add(new JsonStringEnumConverter<TeamProviderState>());
        options.Converters.Add(new JsonStringEnumConverter<TeamStatus>());
        options.Converters.Add(new JsonStringEnumConverter<TeamTier>());
        return options;
    }

    private sealed class IdConverter<T>(Func<T, Guid> value, Func<Guid, T> create) : JsonConverter<T>
        where T : struct
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var guid) ? create(guid) : throw new JsonException($"A {typeof(T).Name} is a string holding a GUID.");

        public override void Write(Utf8JsonWriter writer, T id, JsonSerializerOptions options) => writer.WriteStringValue(value(id));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Guid.TryParse(reader.GetString(), out var guid) ? create(guid) : throw new JsonException($"A {typeof(T).Name} key is a GUID.");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T id, JsonSerializerOptions options) => writer.WritePropertyName(value(id).ToString("D"));
    }
}
