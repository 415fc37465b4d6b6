namespace TeamAccess;

/// <summary>Invariant 1: a team always has at least one Active holder of its guardian role.</summary>
internal static class Guardians
{
    public static int CountActive(TeamSnapshot team, RoleCatalog roles)
    {
        var count = 0;
        foreach (var membership in team.Memberships.Values)
        {
            if (membership.Status == MembershipStatus.Active && roles.TryGet(membership.Role, out var role) && role.IsGuardian)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A deleted team needs no guardian any more, so nobody in it is its last.</summary>
    public static bool IsLastActiveGuardian(TeamSnapshot team, Membership membership, RoleCatalog roles) =>
        team.Team.Status == TeamStatus.Active && membership.Status == MembershipStatus.Active && roles.TryGet(membership.Role, out var role) && role.IsGuardian
        && CountActive(team, roles) <= 1;

    public static MembershipLifecycle LifecycleOf(TeamSnapshot team, Membership membership, RoleCatalog roles) =>
        new(membership.Status, IsLastActiveGuardian(team, membership, roles));
}
