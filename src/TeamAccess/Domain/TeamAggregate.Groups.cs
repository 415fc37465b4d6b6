using System.Collections.Immutable;

namespace TeamAccess.Domain;

/// <content>The group verbs: create, rename, delete, add and remove members.</content>
internal sealed partial class TeamAggregate
{
    public Result<Group> CreateGroup(string name, string handle)
    {
        if (Current.Groups.Values.Any(g => g.Handle == handle))
        {
            return Result<Group>.Failed(TeamAccessErrorCode.DuplicateHandle);
        }

        // A group may share a name, but not pass for another group with a look-alike (mixed scripts, confusable letters).
        if (Confusables.MixesScripts(name) || Confusables.LooksLikeAnother(name, Current.Groups.Values.Select(g => g.Name)))
        {
            return Result<Group>.Failed(TeamAccessErrorCode.InvalidName);
        }

        var group = new Group(GroupId.New(), Id, name, handle, ImmutableSortedSet<MembershipId>.Empty);
        PutGroup(group, AuditActions.GroupCreated);
        return Result<Group>.Ok(group);
    }

    /// <summary>Renames a group (its handle, members and grants stay); the same name is no change.</summary>
    public Result<Group> RenameGroup(GroupId groupId, string name)
    {
        if (!Current.Groups.TryGetValue(groupId, out var group))
        {
            return Result<Group>.Failed(TeamAccessErrorCode.NotFound);
        }

        if (group.Name == name)
        {
            return Result<Group>.Ok(group);
        }

        // The same rule as a new group's name: no mixed scripts, no look-alike of another group's.
        if (Confusables.MixesScripts(name) || Confusables.LooksLikeAnother(name, Current.Groups.Values.Where(g => g.Id != groupId).Select(g => g.Name)))
        {
            return Result<Group>.Failed(TeamAccessErrorCode.InvalidName);
        }

        var after = group with { Name = name };
        PutGroup(after, AuditActions.GroupRenamed);
        return Result<Group>.Ok(after);
    }

    /// <summary>Deletes a group; the grants given to it go with it, each with its own event.</summary>
    public Result<Group> DeleteGroup(GroupId groupId)
    {
        if (!Current.Groups.TryGetValue(groupId, out var group))
        {
            return Result<Group>.Failed(TeamAccessErrorCode.NotFound);
        }

        DropGrantsOf(GrantSubject.ForGroup(groupId));
        RemoveGroup(groupId, AuditActions.GroupDeleted);
        return Result<Group>.Ok(group);
    }

    /// <summary>Adds a current member to a group. Joining a group hands its grants over: the actor must hold every one of them (invariant 15).</summary>
    public Result<Group> AddGroupMember(GroupId groupId, MembershipId membershipId)
    {
        if (!Current.Groups.TryGetValue(groupId, out var group)
            || !Current.Memberships.TryGetValue(membershipId, out var membership) || membership.Status.IsTerminal())
        {
            return Result<Group>.Failed(TeamAccessErrorCode.NotFound);
        }

        if (group.Members.Contains(membershipId))
        {
            return Result<Group>.Failed(TeamAccessErrorCode.AlreadyInGroup);
        }

        if (!ActorMayHandOver(groupId))
        {
            return Result<Group>.Failed(TeamAccessErrorCode.ExceedsGranterPermissions);
        }

        var after = group with { Members = group.Members.Add(membershipId) };
        PutGroup(after, AuditActions.GroupMemberAdded);
        return Result<Group>.Ok(after);
    }

    public Result<Group> RemoveGroupMember(GroupId groupId, MembershipId membershipId)
    {
        if (!Current.Groups.TryGetValue(groupId, out var group))
        {
            return Result<Group>.Failed(TeamAccessErrorCode.NotFound);
        }

        if (!group.Members.Contains(membershipId))
        {
            return Result<Group>.Failed(TeamAccessErrorCode.NotInGroup);
        }

        var after = group with { Members = group.Members.Remove(membershipId) };
        PutGroup(after, AuditActions.GroupMemberRemoved);
        return Result<Group>.Ok(after);
    }

    /// <summary>Whether the actor holds every grant of the group, which joining it hands over (invariant 15).</summary>
    private bool ActorMayHandOver(GroupId groupId)
    {
        if (Actor.IsHost)
        {
            return true;
        }

        foreach (var grant in Current.Grants.Values)
        {
            if (grant.Subject == GrantSubject.ForGroup(groupId) && !ActorHoldsOn(grant.ResourceId, AccessRules.MaskOf(grant, Roles)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Takes an ending membership out of every group it is in.</summary>
    private void LeaveGroups(MembershipId membershipId)
    {
        foreach (var group in Current.Groups.Values)
        {
            if (group.Members.Contains(membershipId))
            {
                PutGroup(group with { Members = group.Members.Remove(membershipId) }, AuditActions.GroupMemberRemoved);
            }
        }
    }
}
