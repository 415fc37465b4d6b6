using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TeamAccess.Storage;

/// <summary>The source-generated metadata of every audited record (and of the projected snapshot, a <see cref="JsonNode"/>).</summary>
[JsonSerializable(typeof(Team))]
[JsonSerializable(typeof(TeamRole))]
[JsonSerializable(typeof(StoredMembership))]
[JsonSerializable(typeof(Group))]
[JsonSerializable(typeof(Grant))]
[JsonSerializable(typeof(StoredTeamDomain))]
[JsonSerializable(typeof(StoredTeamProvider))]
[JsonSerializable(typeof(StoredApiKey))]
[JsonSerializable(typeof(StoredUser))]
[JsonSerializable(typeof(ExternalLogin))]
[JsonSerializable(typeof(RevokedSession))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
