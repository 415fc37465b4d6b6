using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>One page of the audit log; <see cref="Next"/> is the <c>after</c> of the next page, absent on the last.</summary>
internal sealed record AuditPageResponse(IReadOnlyList<AuditEventResponse> Events, long? Next);
