namespace TeamAccess.Domain;

/// <content>The team verbs: start, rename, change the tier, delete, set the sign-in policy.</content>
internal sealed partial class TeamAggregate
{
    /// <summary>Starts a team with <paramref name="founder"/> as its Active guardian (invariant 11; sign-up and team creation share it).</summary>
    public static TeamAggregate Start(IChangeLog changes, StoredUser founder, string name, string handle)
    {
        var team = changes.Create(new Team(TeamId.New(), name, handle, TeamTier.Free, TeamStatus.Active, changes.Now));
        team.Join(founder, changes.Roles.Guardian, founder.Id, AuditActions.MembershipAdded);
        return team;
    }

    /// <summary>The founder's membership of a team this write started.</summary>
    public StoredMembership Founder => Current.Memberships.Values.Single();

    /// <summary>The team as the write will store it (its version bumped).</summary>
    public Team Stored => Current.Team with { Version = (Original?.Version ?? 0) + 1 };

    public Result<Team> Rename(string name)
    {
        if (Current.Team.Name != name)
        {
            SetTeam(Current.Team with { Name = name }, AuditActions.TeamRenamed);
        }

        return Result<Team>.Ok(Current.Team);
    }

    public Result<Team> ChangeTier(TeamTier tier) => OnLifecycle(lifecycle => lifecycle.ChangeTier(tier), AuditActions.TeamTierChanged);

    /// <summary>Deletes the team; its service accounts are deleted with it, and their keys revoked.</summary>
    public Result<Team> Delete()
    {
        var deleted = OnLifecycle(lifecycle => lifecycle.Delete(), AuditActions.TeamDeleted);
        if (deleted.Succeeded)
        {
            EndServiceAccounts();
        }

        return deleted;
    }

    /// <summary>
    /// Sets how people sign in to the team. Like deleting the team and its tier, this is the guardian's alone: it needs
    /// <c>team.sign-in-policy</c>, a permission the role catalog confines to the guardian role (invariant 6).
    /// </summary>
    public Result<Team> SetSignInPolicy(TeamSignInPolicy policy)
    {
        if (!Actor.Holds(Permissions.TeamSignInPolicy, Roles))
        {
            return Result<Team>.Failed(TeamAccessErrorCode.GuardianRequired);
        }

        // Nobody joins just in time as the guardian; a team role of this team serves as well as a catalog role.
        if (policy.JustInTimeRole is { } roleName && (!Roles.TryGet(roleName, out var role) || role.IsGuardian))
        {
            return Result<Team>.Failed(TeamAccessErrorCode.InvalidRole);
        }

        if (!Current.Team.SignInPolicy.Equals(policy))
        {
            SetTeam(Current.Team with { SignInPolicy = policy }, AuditActions.TeamSignInPolicyChanged);
        }

        return Result<Team>.Ok(Current.Team);
    }

    private Result<Team> OnLifecycle(Func<TeamLifecycle, Result> fire, string action)
    {
        var before = Current.Team;
        var fired = fire(new TeamLifecycle(this));
        if (!fired.Succeeded)
        {
            return Result<Team>.Failed(fired.Error);
        }

        Record(new TeamPut(before, Current.Team, action));
        return Result<Team>.Ok(Current.Team);
    }
}
