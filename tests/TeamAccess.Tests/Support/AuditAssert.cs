namespace TeamAccess.Tests;

/// <summary>Audit replay assertions, shared with the EF Core store tests (which compile this file in too).</summary>
internal static class AuditAssert
{
    /// <summary>Compares a replayed team with the stored one in everything but the version, via their canonical JSON.</summary>
    public static void ReplayEquals(TeamSnapshot stored, IEnumerable<AuditEvent> events)
    {
        var rebuilt = AuditReplay.Rebuild(events);
        Assert.NotNull(rebuilt);
        Assert.Equal(Canonical(stored), Canonical(rebuilt));
    }

    /// <summary>A snapshot as comparable text: collections in id order, so two equal snapshots give equal text.</summary>
    public static string Canonical(TeamSnapshot snapshot) => AuditJson.Serialize(new
    {
        Team = snapshot.Team with { Version = 0 },
        Memberships = snapshot.Memberships.Values.OrderBy(m => m.Id).ToArray(),
        Groups = snapshot.Groups.Values.OrderBy(g => g.Id.Value).ToArray(),
        Grants = snapshot.Grants.Values.OrderBy(g => g.Id.Value).ToArray(),
    })!;
}
