using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A group.</summary>
internal sealed record GroupResponse(Guid GroupId, string Name, string Handle, IReadOnlyList<Guid> Members)
{
    public static GroupResponse From(Group g) => new(g.Id.Value, g.Name, g.Handle, [.. g.Members.Select(m => m.Value)]);
}
