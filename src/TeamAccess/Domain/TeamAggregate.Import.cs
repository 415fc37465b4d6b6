namespace TeamAccess.Domain;

/// <content>
/// The import verb: a batch of rows for this team, each added, changed, invited or refused by the same rules as the
/// single verbs (who may give which role, the guardian rule in the membership machine, the grants a group hands over).
/// </content>
internal sealed partial class TeamAggregate
{
    /// <summary>
    /// Applies a batch of rows, each on its own: a refused row changes nothing, and the others go on. A row whose address
    /// has a current membership changes its role (the membership machine keeps the last guardian) and joins the groups it
    /// is not in. Otherwise a team member's import invites the address (an Invited membership; the person accepts or not),
    /// whether or not it has an account: a team never adds another tenant's user, nor creates an account, without the
    /// person's consent. Only the host (<see cref="Actor.IsHost"/>) adds the existing user as an Active member directly,
    /// or creates the missing one with the address proven and the row's password hash, as it vouches for the data it
    /// migrates. The users an import finds keep their names and password. Group joins are written once per group for the
    /// batch, so a large group is not copied for every row.
    /// </summary>
    /// <param name="entries">The checked rows of this team, in row order.</param>
    /// <param name="users">The existing users of the rows' addresses.</param>
    /// <param name="invitationLifetime">How long an invitation lasts.</param>
    /// <param name="options">The invitation options (the send budget).</param>
    public ImportTeamBatch Import(IReadOnlyList<ImportEntry> entries, IReadOnlyDictionary<string, StoredUser> users, TimeSpan invitationLifetime, InvitationOptions options)
    {
        var current = new Dictionary<string, MembershipId>(StringComparer.Ordinal);
        foreach (var membership in Current.Memberships.Values)
        {
            if (!membership.Status.IsTerminal())
            {
                current[membership.Email] = membership.Id;
            }
        }

        var groups = Current.Groups.Values.ToDictionary(g => g.Handle, g => g.Id, StringComparer.Ordinal);
        var joins = new Dictionary<GroupId, HashSet<MembershipId>>();
        var created = new Dictionary<string, StoredUser>(StringComparer.Ordinal);
        var issued = new List<IssuedInvitation>();
        var outcomes = new List<ImportOutcome>(entries.Count);
        foreach (var entry in entries)
        {
            var joined = new List<GroupId>();
            var refusal = GroupsToJoin(entry, groups, joined);
            var outcome = refusal is not TeamAccessErrorCode.None ? Refused(entry, refusal)
                : current.TryGetValue(entry.Email, out var existing) ? ImportExisting(entry, existing, joined, joins)
                : ImportNew(entry, users, created, issued, invitationLifetime, options);
            if (outcome.Kind is ImportOutcomeKind.Created or ImportOutcomeKind.Invited)
            {
                current[entry.Email] = outcome.MembershipId!.Value;
                Join(outcome.MembershipId.Value, joined, joins);
            }

            outcomes.Add(outcome);
        }

        foreach (var (groupId, members) in joins)
        {
            var group = Current.Groups[groupId];
            PutGroup(group with { Members = group.Members.Union(members) }, AuditActions.GroupMemberAdded);
        }

        return new ImportTeamBatch(outcomes, issued, created.Values.ToArray());
    }

    private static void Join(MembershipId membershipId, List<GroupId> groups, Dictionary<GroupId, HashSet<MembershipId>> joins)
    {
        foreach (var groupId in groups)
        {
            if (!joins.TryGetValue(groupId, out var members))
            {
                joins[groupId] = members = [];
            }

            members.Add(membershipId);
        }
    }

    private static ImportOutcome Refused(ImportEntry entry, TeamAccessErrorCode code) =>
        new(entry.RowNumber, ImportOutcomeKind.Refused, code, entry.Email, entry.TeamHandle, null);

    private static ImportOutcome Done(ImportEntry entry, ImportOutcomeKind kind, MembershipId membershipId) =>
        new(entry.RowNumber, kind, TeamAccessErrorCode.None, entry.Email, entry.TeamHandle, membershipId);

    /// <summary>The row's groups, each of which must exist and hand over only grants the actor holds.</summary>
    private TeamAccessErrorCode GroupsToJoin(ImportEntry entry, Dictionary<string, GroupId> groups, List<GroupId> joined)
    {
        foreach (var handle in entry.Groups)
        {
            if (!groups.TryGetValue(handle, out var groupId))
            {
                return TeamAccessErrorCode.UnknownGroup;
            }

            if (!ActorMayHandOver(groupId))
            {
                return TeamAccessErrorCode.ExceedsGranterPermissions;
            }

            joined.Add(groupId);
        }

        return TeamAccessErrorCode.None;
    }

    private ImportOutcome ImportExisting(ImportEntry entry, MembershipId membershipId, List<GroupId> groups, Dictionary<GroupId, HashSet<MembershipId>> joins)
    {
        var changed = false;
        if (!string.Equals(Current.Memberships[membershipId].Role, entry.Role.Name, StringComparison.Ordinal))
        {
            var changedRole = ChangeRole(membershipId, entry.Role);
            if (!changedRole.Succeeded)
            {
                return Refused(entry, changedRole.Code);
            }

            changed = true;
        }

        var missing = groups.Where(g => !Current.Groups[g].Members.Contains(membershipId) && !(joins.TryGetValue(g, out var pending) && pending.Contains(membershipId))).ToList();
        if (missing.Count > 0)
        {
            var mayManage = Actor.MayManage(Current.Memberships[membershipId], Roles);
            if (!mayManage.Succeeded)
            {
                return Refused(entry, mayManage.Code);
            }

            Join(membershipId, missing, joins);
            changed = true;
        }

        return Done(entry, changed ? ImportOutcomeKind.Updated : ImportOutcomeKind.Unchanged, membershipId);
    }

    private ImportOutcome ImportNew(ImportEntry entry, IReadOnlyDictionary<string, StoredUser> users, Dictionary<string, StoredUser> created, List<IssuedInvitation> issued, TimeSpan lifetime, InvitationOptions options)
    {
        var mayGive = Actor.MayGive(entry.Role);
        if (!mayGive.Succeeded)
        {
            return Refused(entry, mayGive.Code);
        }

        if (entry.PasswordHash is not null && !Actor.IsHost)
        {
            // The service refuses such a row before any team sees it; this is the aggregate's own guard.
            return Refused(entry, TeamAccessErrorCode.PasswordHashNeedsHost);
        }

        if (entry.Invite || !Actor.IsHost)
        {
            var batch = Invite([entry.Email], entry.Role, lifetime, options);
            var invited = batch.Outcomes[0];
            if (invited.MembershipId is not { } id)
            {
                return Refused(entry, invited.Code);
            }

            issued.AddRange(batch.Issued);
            return Done(entry, ImportOutcomeKind.Invited, id);
        }

        if (!users.TryGetValue(entry.Email, out var user) && !created.TryGetValue(entry.Email, out user))
        {
            if (entry.FirstName is not { } first || entry.LastName is not { } last)
            {
                return Refused(entry, TeamAccessErrorCode.MissingField);
            }

            // The host vouches for the address it migrates: proven, so a user with a hash signs in with it at once.
            user = new StoredUser(UserId.New(), entry.Email, first, last, Now) { PasswordHash = entry.PasswordHash, EmailConfirmed = true };
            Owner.CreateUser(user);
            created[entry.Email] = user;
        }

        return Done(entry, ImportOutcomeKind.Created, Join(user, entry.Role, Actor.CreatedBy, AuditActions.MembershipAdded).Id);
    }
}
