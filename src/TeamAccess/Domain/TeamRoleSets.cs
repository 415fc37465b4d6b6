using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace TeamAccess.Domain;

/// <summary>
/// The roles a team sees, per catalog: the catalog's alone, or the catalog's and the team's own. Compiled once per
/// version of the team's roles (a write that changes no role shares the set), so the rules and the index read a team
/// role as cheaply as a catalog role. Kept here, beside the rules that read it, so the public catalog below knows
/// nothing of teams.
/// </summary>
internal static class TeamRoleSets
{
    private static readonly ConditionalWeakTable<RoleCatalog, Sets> ByCatalog = [];

    /// <summary>The roles of a team that defined none of its own.</summary>
    public static TeamRoleSet CatalogOnly(this RoleCatalog catalog) => Of(catalog).CatalogOnly;

    /// <summary>The roles <paramref name="team"/> sees: the catalog's and its own.</summary>
    public static TeamRoleSet ForTeam(this RoleCatalog catalog, TeamSnapshot team)
    {
        var sets = Of(catalog);
        return team.TeamRoles.IsEmpty ? sets.CatalogOnly : sets.ForRoles(team.TeamRoles);
    }

    private static Sets Of(RoleCatalog catalog) => ByCatalog.GetValue(catalog, c => new Sets(c));

    private sealed class Sets(RoleCatalog catalog)
    {
        private readonly ConditionalWeakTable<ImmutableDictionary<string, TeamRole>, TeamRoleSet> _byRoles = [];

        public TeamRoleSet CatalogOnly { get; } = new(catalog, []);

        public TeamRoleSet ForRoles(ImmutableDictionary<string, TeamRole> roles) => _byRoles.GetValue(roles, r => new TeamRoleSet(catalog, r.Values));
    }
}
