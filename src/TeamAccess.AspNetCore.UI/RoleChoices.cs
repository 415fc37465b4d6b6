using TeamAccess.TeamRoles;

namespace TeamAccess.AspNetCore.UI;

/// <summary>The roles a page offers: the host's catalog and the team's own roles, lowest rank first.</summary>
internal static class RoleChoices
{
    /// <summary>Lists the catalog's roles and the team's roles, lowest rank first.</summary>
    /// <param name="catalog">The host's roles.</param>
    /// <param name="teamRoles">The team roles service.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="team">The team.</param>
    /// <returns>The role names.</returns>
    public static async Task<IReadOnlyList<string>> ListAsync(RoleCatalog catalog, ITeamRoleService teamRoles, UserId actor, TeamId team)
    {
        var own = (await teamRoles.ListAsync(actor, team).ConfigureAwait(false)).Value ?? [];
        return [.. catalog.Roles.Select(r => (r.Name, r.Rank)).Concat(own.Select(r => (r.Name, r.Rank))).OrderBy(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Name).Distinct(StringComparer.Ordinal)];
    }
}
