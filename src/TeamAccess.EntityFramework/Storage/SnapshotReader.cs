using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>Loads whole team snapshots: the team rows, then each child table by team id.</summary>
internal static class SnapshotReader
{
    /// <summary>The terminal statuses, from the lifecycle's own rule, for queries that skip them.</summary>
    public static readonly MembershipStatus[] TerminalStatuses = [.. Enum.GetValues<MembershipStatus>().Where(s => s.IsTerminal())];

    /// <summary>
    /// Loads the teams that exist among <paramref name="ids"/>. The tables are read one query each, outside a
    /// transaction, so a commit could land between two of them; the team's version is read again at the end and a
    /// team whose version moved is loaded again. Versions only grow and every change bumps the version in its own
    /// transaction, so an unchanged version means every row read belongs to that version.
    /// </summary>
    public static async Task<IReadOnlyList<TeamSnapshot>> LoadAsync(DbContext context, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var loaded = new Dictionary<Guid, TeamSnapshot>();
        var pending = ids.ToList();
        while (pending.Count > 0)
        {
            foreach (var snapshot in await LoadOnceAsync(context, pending, cancellationToken).ConfigureAwait(false))
            {
                loaded[snapshot.Id.Value] = snapshot;
            }

            var versions = await context.Set<TeamRow>().AsNoTracking()
                .Where(t => pending.Contains(t.Id))
                .Select(t => new { t.Id, t.Version })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            pending = [.. versions.Where(v => !loaded.TryGetValue(v.Id, out var s) || s.Version != v.Version).Select(v => v.Id)];
        }

        return [.. ids.Where(loaded.ContainsKey).Select(id => loaded[id])];
    }

    private static async Task<IEnumerable<TeamSnapshot>> LoadOnceAsync(DbContext context, List<Guid> ids, CancellationToken cancellationToken)
    {
        var teams = await context.Set<TeamRow>().AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (teams.Count == 0)
        {
            return [];
        }

        var memberships = await context.Set<MembershipRow>().AsNoTracking().Where(m => ids.Contains(m.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var groups = await context.Set<GroupRow>().AsNoTracking().Where(g => ids.Contains(g.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var groupMembers = await context.Set<GroupMemberRow>().AsNoTracking().Where(m => ids.Contains(m.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var secrets = await context.Set<InvitationSecretRow>().AsNoTracking().Where(s => ids.Contains(s.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var grants = await context.Set<GrantRow>().AsNoTracking().Where(g => ids.Contains(g.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var roles = await context.Set<TeamRoleRow>().AsNoTracking().Where(r => ids.Contains(r.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var apiKeys = await context.Set<ApiKeyRow>().AsNoTracking().Where(k => ids.Contains(k.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var providers = await context.Set<TeamProviderRow>().AsNoTracking().Where(p => ids.Contains(p.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var domains = await context.Set<TeamDomainRow>().AsNoTracking().Where(d => ids.Contains(d.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);

        var membershipsByTeam = memberships.ToLookup(m => m.TeamId);
        var groupsByTeam = groups.ToLookup(g => g.TeamId);
        var membersByGroup = groupMembers.ToLookup(m => m.GroupId, m => m.MembershipId);
        var grantsByTeam = grants.ToLookup(g => g.TeamId);
        var secretsByTeam = secrets.ToLookup(s => s.TeamId);
        var rolesByTeam = roles.ToLookup(r => r.TeamId);
        var apiKeysByTeam = apiKeys.ToLookup(k => k.TeamId);
        var providersByTeam = providers.ToLookup(p => p.TeamId);
        var domainsByTeam = domains.ToLookup(d => d.TeamId);
        return teams.Select(team => new TeamSnapshot(
            RowMapping.ToTeam(team),
            membershipsByTeam[team.Id].Select(RowMapping.ToMembership).ToImmutableDictionary(m => m.Id),
            groupsByTeam[team.Id].Select(g => RowMapping.ToGroup(g, membersByGroup[g.Id])).ToImmutableDictionary(g => g.Id),
            grantsByTeam[team.Id].Select(RowMapping.ToGrant).ToImmutableDictionary(g => g.Id))
        {
            InvitationSecrets = secretsByTeam[team.Id].ToImmutableDictionary(s => new MembershipId(s.MembershipId), RowMapping.ToInvitationSecret),
            ApiKeys = apiKeysByTeam[team.Id].Select(RowMapping.ToApiKey).ToImmutableDictionary(k => k.Id),
            Providers = providersByTeam[team.Id].Select(TeamSsoRowMapping.ToProvider).ToImmutableDictionary(p => p.Id),
            Domains = domainsByTeam[team.Id].Select(TeamSsoRowMapping.ToDomain).ToImmutableDictionary(d => d.Id),
        }.WithTeamRoles(rolesByTeam[team.Id].Select(RowMapping.ToTeamRole)));
    }
}
