using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamAccess.Specification.Tests;

/// <summary>Audit replay assertions: a team's audit log rebuilds the team as stored.</summary>
public static class AuditAssert
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Compares a replayed team with the stored one in everything but the version, via their canonical JSON.</summary>
    /// <param name="stored">The team as the store loads it.</param>
    /// <param name="events">Its audit events, in order.</param>
    public static void ReplayEquals(TeamSnapshot stored, IEnumerable<AuditEvent> events)
    {
        var rebuilt = AuditReplay.Rebuild(events);
        Assert.NotNull(rebuilt);
        Assert.Equal(Canonical(stored), Canonical(rebuilt));
    }

    /// <summary>A snapshot as comparable text: collections in id order, so two equal snapshots give equal text.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>Its text.</returns>
    public static string Canonical(TeamSnapshot snapshot) => JsonSerializer.Serialize(new
    {
        Team = snapshot.Team with { Version = 0 },
        Memberships = snapshot.Memberships.Values.OrderBy(m => m.Id).ToArray(),
        Groups = snapshot.Groups.Values.OrderBy(g => g.Id.Value).ToArray(),
        Grants = snapshot.Grants.Values.OrderBy(g => g.Id.Value).ToArray(),
        TeamRoles = snapshot.TeamRoles.Values.OrderBy(r => r.Id.Value).ToArray(),
    }, Json);
}
