namespace TeamAccess.Tests;

/// <summary>
/// A deliberately small, separate statement of who may do what to memberships: plain dictionaries and if-statements,
/// no Stateless, no snapshots. The services must agree with it on every outcome.
/// </summary>
internal sealed class ReferenceModel(RoleCatalog roles)
{
    private readonly Dictionary<(int Team, int User), (string Role, MembershipStatus Status)> _members = [];

    private readonly HashSet<(int Team, int User)> _invited = [];

    public void Seed(int team, int user, string role) => _members[(team, user)] = (role, MembershipStatus.Active);

    public (string Role, MembershipStatus Status)? Current(int team, int user) =>
        _members.TryGetValue((team, user), out var m) && !m.Status.IsTerminal() ? m : null;

    private Role RoleOf(string name) => roles.TryGet(name, out var role) ? role : throw new InvalidOperationException(name);

    private int ActiveGuardians(int team) =>
        _members.Count(kv => kv.Key.Team == team && kv.Value.Status == MembershipStatus.Active && RoleOf(kv.Value.Role).IsGuardian);

    private bool IsLastActiveGuardian(int team, int user) =>
        Current(team, user) is { Status: MembershipStatus.Active } m && RoleOf(m.Role).IsGuardian && ActiveGuardians(team) == 1;

    /// <summary>Who may do what at team level: Active members hold their role's permissions; nobody else holds anything.</summary>
    public bool Holds(int team, int user, Permission permission) =>
        Current(team, user) is { Status: MembershipStatus.Active } m && RoleOf(m.Role).Has(permission);

    private TeamAccessErrorCode Authorize(int team, int actor, string permission)
    {
        if (Current(team, actor) is not { } a)
        {
            return TeamAccessErrorCode.NotFound;
        }

        return a.Status == MembershipStatus.Active && RoleOf(a.Role).PermissionNames.Contains(permission)
            ? TeamAccessErrorCode.None
            : TeamAccessErrorCode.PermissionDenied;
    }

    private TeamAccessErrorCode MayGive(int team, int actor, Role role)
    {
        var mine = RoleOf(Current(team, actor)!.Value.Role);
        if (role.IsGuardian && !mine.IsGuardian)
        {
            return TeamAccessErrorCode.GuardianRequired;
        }

        return role.Rank > mine.Rank ? TeamAccessErrorCode.RoleRankTooHigh : TeamAccessErrorCode.None;
    }

    public TeamAccessErrorCode Add(int team, int actor, int target, Role role)
    {
        var code = Authorize(team, actor, Permissions.MembersInvite);
        if (code == TeamAccessErrorCode.None)
        {
            code = MayGive(team, actor, role);
        }

        if (code == TeamAccessErrorCode.None && Current(team, target) is not null)
        {
            code = TeamAccessErrorCode.AlreadyMember;
        }

        // A member adds nobody directly: the user's address is invited (no user behind it until they accept, which this
        // model never does), and stays invited.
        if (code == TeamAccessErrorCode.None && !_invited.Add((team, target)))
        {
            code = TeamAccessErrorCode.AlreadyInvited;
        }

        return code;
    }

    public TeamAccessErrorCode ChangeRole(int team, int actor, int target, Role role) => Manage(team, actor, target, t =>
    {
        if (t.Role == role.Name)
        {
            return (TeamAccessErrorCode.None, t);
        }

        var code = MayGive(team, actor, role);
        if (code != TeamAccessErrorCode.None)
        {
            return (code, t);
        }

        if (t.Status != MembershipStatus.Active)
        {
            return (TeamAccessErrorCode.InvalidTransition, t);
        }

        return IsLastActiveGuardian(team, target) && !role.IsGuardian
            ? (TeamAccessErrorCode.LastGuardian, t)
            : (TeamAccessErrorCode.None, (role.Name, t.Status));
    });

    public TeamAccessErrorCode Deactivate(int team, int actor, int target) => Manage(team, actor, target, t =>
        t.Status != MembershipStatus.Active ? (TeamAccessErrorCode.InvalidTransition, t)
        : IsLastActiveGuardian(team, target) ? (TeamAccessErrorCode.LastGuardian, t)
        : (TeamAccessErrorCode.None, (t.Role, MembershipStatus.Inactive)));

    public TeamAccessErrorCode Reactivate(int team, int actor, int target) => Manage(team, actor, target, t =>
        t.Status != MembershipStatus.Inactive ? (TeamAccessErrorCode.InvalidTransition, t) : (TeamAccessErrorCode.None, (t.Role, MembershipStatus.Active)));

    public TeamAccessErrorCode Remove(int team, int actor, int target) => Manage(team, actor, target, t =>
        IsLastActiveGuardian(team, target) ? (TeamAccessErrorCode.LastGuardian, t) : (TeamAccessErrorCode.None, (t.Role, MembershipStatus.Removed)));

    public TeamAccessErrorCode Leave(int team, int actor)
    {
        if (Current(team, actor) is not { } own)
        {
            return TeamAccessErrorCode.NotFound;
        }

        if (IsLastActiveGuardian(team, actor))
        {
            return TeamAccessErrorCode.LastGuardian;
        }

        _members[(team, actor)] = (own.Role, MembershipStatus.Removed);
        return TeamAccessErrorCode.None;
    }

    private TeamAccessErrorCode Manage(int team, int actor, int target, Func<(string Role, MembershipStatus Status), (TeamAccessErrorCode, (string Role, MembershipStatus Status))> decide)
    {
        var code = Authorize(team, actor, Permissions.MembersManage);
        if (code != TeamAccessErrorCode.None)
        {
            return code;
        }

        if (Current(team, target) is not { } t)
        {
            return TeamAccessErrorCode.NotFound;
        }

        if (RoleOf(t.Role).Rank > RoleOf(Current(team, actor)!.Value.Role).Rank)
        {
            return TeamAccessErrorCode.RoleRankTooHigh;
        }

        var (result, after) = decide(t);
        if (result == TeamAccessErrorCode.None)
        {
            _members[(team, target)] = after;
        }

        return result;
    }
}
