namespace TeamAccess;

/// <summary>The one way a membership's status or role is changed: through its lifecycle, with a new security stamp.</summary>
internal static class MembershipChanges
{
    public static Result<Membership> Fire(TeamEditor team, Membership target, MembershipLifecycle.Trigger trigger, string action, RoleCatalog roles)
    {
        var lifecycle = Guardians.LifecycleOf(team.Current, target, roles);
        var fired = lifecycle.TryFire(trigger);
        if (!fired.Succeeded)
        {
            return Result<Membership>.Failed(fired.Error);
        }

        if (lifecycle.Status.IsTerminal())
        {
            // A membership that ends leaves its groups and loses its direct grants: nothing dangles.
            team.DetachMembership(target.Id);
        }

        return Save(team, target with { Status = lifecycle.Status }, action);
    }

    /// <summary>Every change of role or status replaces the security stamp, so older sessions stop validating (invariant 8).</summary>
    public static Result<Membership> Save(TeamEditor team, Membership after, string action)
    {
        team.PutMembership(after with { SecurityStamp = Guid.NewGuid() }, action);
        return Result<Membership>.Ok(team.Current.Memberships[after.Id]);
    }
}
