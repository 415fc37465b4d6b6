using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A grant to give: to a membership or a group, on one resource.</summary>
internal sealed record GrantBody(GrantSubjectKind? SubjectKind, string? SubjectId, string? ResourceId, IReadOnlyList<string>? Permissions);
