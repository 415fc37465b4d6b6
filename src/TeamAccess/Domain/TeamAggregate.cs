using TeamAccess.Storage;

namespace TeamAccess.Domain;

/// <summary>
/// One team for one write attempt: it owns the team's rules and is the only thing that changes the team. A service
/// validates its input, runs on the team with the permission the action needs (the write engine loads the
/// team and authorizes the actor), calls one verb, and after the commit does its I/O. Every verb re-checks its rules
/// on the state it was loaded with; each change is recorded as one <see cref="TeamOperation"/>, from which the store's
/// rows, the audit events and the permission index's delta are all projected. The verbs live beside their concept:
/// memberships, invitations, groups, grants and the team itself each have a partial file in their own folder.
/// </summary>
internal sealed partial class TeamAggregate
{
    private readonly IChangeLog _owner;
    private readonly List<TeamOperation> _operations = [];

    internal TeamAggregate(IChangeLog owner, TeamSnapshot? original, TeamSnapshot current)
    {
        _owner = owner;
        Original = original;
        Current = current;
    }

    /// <summary>Gets the team as loaded; <see langword="null"/> for a team this write creates.</summary>
    public TeamSnapshot? Original { get; }

    /// <summary>Gets the team's live state: as loaded, with every operation so far applied.</summary>
    public TeamSnapshot Current { get; private set; }

    public bool Changed => _operations.Count > 0;

    public TeamId Id => Current.Id;

    public DateTimeOffset Now => _owner.Now;

    /// <summary>Gets the attempt's change set, for the user changes a team write carries along (an accept that creates its user).</summary>
    public IChangeLog Owner => _owner;

    /// <summary>Gets the acting member, once <see cref="Authorize"/> admitted them.</summary>
    public Actor Actor { get; private set; }

    /// <summary>Gets the roles the team sees now: the catalog's and its own.</summary>
    private TeamRoleSet Roles => _owner.Roles.ForTeam(Current);

    /// <summary>
    /// Deny by default, and no cross-team reach (invariant 14): someone with no current membership in the team is told
    /// it does not exist; a member who is not Active, or whose role lacks <paramref name="permission"/>, is refused.
    /// Without a permission only a current membership in an Active team is needed (leaving).
    /// </summary>
    public Result Authorize(UserId actorId, string? permission)
    {
        var authorized = Actor.Authorize(Current.Team, Current.FindCurrentMembership(actorId), actorId, permission, Roles, out var actor);
        Actor = actor;
        return authorized;
    }

    /// <summary>
    /// The host acts (<see cref="Actor.Host"/>: code without a team session, never reached with one): no membership is
    /// needed and every role may be given; a deleted team still refuses.
    /// </summary>
    public Result AuthorizeAsHost()
    {
        Actor = Actor.Host;
        return Current.Team.Status == TeamStatus.Deleted ? Result.Failed(TeamAccessErrorCode.TeamDeleted) : Result.Success;
    }

    /// <summary>The change a store applies: the operations, beside the version loaded and the team row as it will be stored.</summary>
    internal TeamChange ToChange()
    {
        var expected = Original?.Version ?? 0;
        return new TeamChange(expected, Current.Team with { Version = expected + 1 }, _operations.ToArray());
    }

    /// <summary>
    /// What the write changed, projected from its operations, for patching the index of the loaded version;
    /// <see langword="null"/> for a new team or a write that changed more than memberships (the team, a group, a grant),
    /// which the index rebuilds from the stored snapshot.
    /// </summary>
    internal IndexDelta? IndexDelta()
    {
        if (Original is null)
        {
            return null;
        }

        var changes = new Dictionary<MembershipId, IndexDelta.MembershipChange>();
        var order = new List<MembershipId>();
        foreach (var operation in _operations)
        {
            switch (operation)
            {
                case MembershipPut put when changes.TryGetValue(put.After.Id, out var first):
                    changes[put.After.Id] = first with { After = put.After };
                    break;
                case MembershipPut put:
                    changes[put.After.Id] = new IndexDelta.MembershipChange(put.Before, put.After);
                    order.Add(put.After.Id);
                    break;
                case InvitationSecretPut:
                    break;
                default:
                    return null;
            }
        }

        return new IndexDelta(order.Select(id => changes[id]).ToArray());
    }

    /// <summary>Replaces the team's own row.</summary>
    internal void SetTeam(Team after, string action)
    {
        var before = Original is null && !Changed ? null : Current.Team;
        Current = Current with { Team = after };
        Record(new TeamPut(before, after, action));
    }

    /// <summary>Stores a membership as given (stamped with the time of the write); the rules that decide it live in the verbs.</summary>
    internal void PutMembership(StoredMembership after, string action) =>
        PutMembership(Current.Memberships.GetValueOrDefault(after.Id), after, action);

    internal void PutInvitationSecret(MembershipId id, InvitationSecret secret)
    {
        var replaces = Current.InvitationSecrets.ContainsKey(id);
        Current = Current with { InvitationSecrets = Current.InvitationSecrets.SetItem(id, secret) };
        Record(new InvitationSecretPut(id, replaces, secret));
    }

    internal void PutGroup(Group after, string action)
    {
        var before = Current.Groups.GetValueOrDefault(after.Id);
        Current = Current with { Groups = Current.Groups.SetItem(after.Id, after) };
        Record(new GroupPut(before, after, action));
    }

    internal void RemoveGroup(GroupId id, string action)
    {
        var before = Current.Groups[id];
        Current = Current with { Groups = Current.Groups.Remove(id) };
        Record(new GroupRemoval(before, action));
    }

    internal void PutTeamRole(TeamRole after, string action)
    {
        var before = Current.TeamRoles.GetValueOrDefault(after.Name);
        Current = Current with { TeamRoles = Current.TeamRoles.SetItem(after.Name, after) };
        Record(new TeamRolePut(before, after, action));
    }

    internal void RemoveTeamRole(string name, string action)
    {
        var before = Current.TeamRoles[name];
        Current = Current with { TeamRoles = Current.TeamRoles.Remove(name) };
        Record(new TeamRoleRemoval(before, action));
    }

    internal void PutGrant(Grant after, string action)
    {
        var before = Current.Grants.GetValueOrDefault(after.Id);
        Current = Current with { Grants = Current.Grants.SetItem(after.Id, after) };
        Record(new GrantPut(before, after, action));
    }

    internal void RemoveGrant(GrantId id, string action)
    {
        var before = Current.Grants[id];
        Current = Current with { Grants = Current.Grants.Remove(id) };
        Record(new GrantRemoval(before, action));
    }

    /// <summary>Records a membership change whose <paramref name="before"/> the caller holds (a machine has already moved the live state).</summary>
    private void PutMembership(StoredMembership? before, StoredMembership after, string action)
    {
        var stored = after with { UpdatedAt = Now };
        Current = Current with { Memberships = Current.Memberships.SetItem(after.Id, stored) };
        Record(new MembershipPut(before, stored, action));
        CloseOfferOnChange(before, stored);
        EndPersonalKeysOnChange(before, stored);
    }

    private void Record(TeamOperation operation)
    {
        _operations.Add(operation);
        _owner.Log(Id, operation);
    }
}
