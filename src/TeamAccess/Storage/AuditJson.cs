using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamAccess.Storage;

/// <summary>
/// The one JSON shape of audit snapshots, used to write them and to replay them. Ids are GUID strings, as everywhere a
/// host reads JSON; rows written before carry them as objects with a value, which the id converters still read.
/// </summary>
internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters =
        {
            new JsonStringEnumConverter(),
            new AuditIdConverter<UserId>(g => new(g), id => id.Value),
            new AuditIdConverter<TeamId>(g => new(g), id => id.Value),
            new AuditIdConverter<MembershipId>(g => new(g), id => id.Value),
            new AuditIdConverter<GroupId>(g => new(g), id => id.Value),
            new AuditIdConverter<GrantId>(g => new(g), id => id.Value),
            new AuditIdConverter<TeamRoleId>(g => new(g), id => id.Value),
            new AuditIdConverter<OwnershipOfferId>(g => new(g), id => id.Value),
        },
        WriteIndented = false,
    };

    public static string? Serialize<T>(T? value)
        where T : class =>
        value is null ? null : JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string? json)
        where T : class =>
        json is null ? null : JsonSerializer.Deserialize<T>(json, Options);
}
