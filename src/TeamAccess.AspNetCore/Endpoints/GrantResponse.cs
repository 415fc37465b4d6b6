using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A grant.</summary>
internal sealed record GrantResponse(Guid GrantId, GrantSubjectKind SubjectKind, Guid SubjectId, string ResourceId, IReadOnlyList<string> Permissions, Guid GrantedBy)
{
    public static GrantResponse From(Grant g) => new(g.Id.Value, g.Subject.Kind, g.Subject.Id, g.ResourceId, [.. g.Permissions], g.GrantedBy.Value);
}
