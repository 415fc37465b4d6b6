using Microsoft.Extensions.Options;
using TeamAccess.Accounts;
using TeamAccess.Domain;
using TeamAccess.Invitations;
using TeamAccess.Writes;

namespace TeamAccess.Provisioning;

/// <summary>The default <see cref="IProvisioningService"/>: input checked here, the rules in <see cref="TeamAggregate"/>, one write engine.</summary>
internal sealed class ProvisioningService(
    IUserStore users,
    IDirectoryStore directory,
    ListReader reads,
    TeamWriter writer,
    TeamInvitations invitations,
    IDomainVerifier domains,
    IOptions<TeamAccessOptions> options,
    DirectoryProgress progress) : IProvisioningService
{
    private const string Permission = Permissions.DirectoryProvision;

    private delegate Result<DirectoryUser> MemberVerb(TeamAggregate team, StoredMembership membership, StoredUser? user);

    public async ValueTask<Result<DirectoryUser>> ProvisionAsync(UserId actor, TeamId teamId, DirectoryUserRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!EmailAddress.TryNormalize(request.Email, out var email))
        {
            return Result<DirectoryUser>.Failed(TeamAccessErrorCode.InvalidEmail);
        }

        if (!IsExternalId(request.ExternalId))
        {
            return Result<DirectoryUser>.Failed(TeamAccessErrorCode.InvalidDirectoryValue, "The externalId has at most 256 characters and no control characters.");
        }

        if (!TryNames(request.FirstName, request.LastName, out var first, out var last))
        {
            return Result<DirectoryUser>.Failed(TeamAccessErrorCode.InvalidName);
        }

        var vouched = await VouchedAsync(teamId, email, cancellationToken).ConfigureAwait(false);
        if (!vouched && !request.Active)
        {
            return Result<DirectoryUser>.Failed(TeamAccessErrorCode.InvalidDirectoryValue, "A person outside the team's verified domain is invited; an inactive one is not.");
        }

        var invitationOptions = options.Value.Invitations;
        var roleName = DefaultRole();
        for (var attempt = 0; ; attempt++)
        {
            var user = await users.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false);
            var create = false;
            if (vouched && user is null)
            {
                if (first is null || last is null)
                {
                    return Result<DirectoryUser>.Failed(TeamAccessErrorCode.InvalidDirectoryValue, "name.givenName and name.familyName are needed to create the person's account.");
                }

                // The team's verified domain vouches for the address, as it does for a just-in-time join.
                user = new StoredUser(UserId.New(), email, first, last, writer.Time.GetUtcNow()) { EmailConfirmed = true };
                create = true;
            }

            var chosen = user;
            var written = await writer.RunOnTeamAsync(actor, teamId, Permission, "ProvisionMember", team =>
            {
                // The policy is read again in the write: a domain the team stopped naming vouches for nobody.
                var joinDirectly = vouched && string.Equals(team.Current.Team.SignInPolicy.VerifiedDomain, Domains.Of(email), StringComparison.Ordinal);
                if (!team.FindRole(roleName).TryGetValue(out var role))
                {
                    return Result<DirectoryProvisioned>.Failed(TeamAccessErrorCode.InvalidRole);
                }

                var made = team.Provision(email, chosen, create, joinDirectly, role, request.ExternalId, invitationOptions.Lifetime, invitationOptions);
                if (!made.TryGetValue(out var provisioned) || provisioned.Invitation is not null)
                {
                    return made;
                }

                if (!create && chosen is not null && first is not null && last is not null)
                {
                    team.Rename(chosen, first, last);
                }

                return request.Active ? made : Carried(team.UpdateFromDirectory(provisioned.Membership.Id, false, null, active: false), provisioned);
            }, cancellationToken).ConfigureAwait(false);

            if (written.Code == TeamAccessErrorCode.DuplicateEmail && create && attempt == 0)
            {
                // Another team's directory created the same person's account first: one address is one user, so join that one.
                continue;
            }

            if (!written.TryGetValue(out var done))
            {
                return Result<DirectoryUser>.Failed(written.Error!);
            }

            if (done.Invitation is { } invitation)
            {
                await invitations.SendAsync([invitation], inviter: null, cancellationToken).ConfigureAwait(false);
            }

            progress.Provisioned(teamId, invited: done.Invitation is not null);
            var named = done.Invitation is null ? (create ? user : await users.FindByIdAsync(done.Membership.UserId!.Value, cancellationToken).ConfigureAwait(false)) : null;
            return Carry(written, new DirectoryUser(done.Membership, named?.FirstName, named?.LastName));
        }
    }

    public async ValueTask<Result<DirectoryUser>> GetAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default)
    {
        var page = await ListAsync(actor, teamId, new DirectoryUserQuery { Id = membershipId, Count = 1 }, cancellationToken).ConfigureAwait(false);
        return !page.TryGetValue(out var found) ? Result<DirectoryUser>.Failed(page.Error!)
            : found.Users.Count == 0 ? Result<DirectoryUser>.Failed(TeamAccessErrorCode.NotFound)
            : Result<DirectoryUser>.Ok(found.Users[0]);
    }

    public async ValueTask<Result<DirectoryUserPage>> ListAsync(UserId actor, TeamId teamId, DirectoryUserQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? email = null;
        if (query.Email is not null && !EmailAddress.TryNormalize(query.Email, out email))
        {
            // No address that is not one is anybody's: an empty page, as SCIM answers a filter that matches nothing.
            email = "\u0000";
        }

        if (!IsExternalId(query.ExternalId))
        {
            return Result<DirectoryUserPage>.Failed(TeamAccessErrorCode.InvalidDirectoryValue, "The externalId has at most 256 characters and no control characters.");
        }

        // RFC 7644 3.4.2.4: a startIndex below 1 is 1, a negative count is 0, and a count above the maximum is cut to it.
        var start = Math.Max(1, query.StartIndex);
        var count = Math.Clamp(query.Count, 0, DirectoryUserQuery.MaxCount);
        var stored = new DirectoryMemberQuery { Email = email, ExternalId = query.ExternalId, Id = query.Id, Offset = start - 1, Count = count };
        var read = await reads.ReadAsync(actor, teamId, Permission, (_, ct) => directory.ListDirectoryMembersAsync(teamId, stored, ct), cancellationToken).ConfigureAwait(false);
        return read.TryGetValue(out var page)
            ? Result<DirectoryUserPage>.Ok(new DirectoryUserPage([.. page.Members.Select(r => new DirectoryUser(r.Membership, r.FirstName, r.LastName))], page.Total, start))
            : Result<DirectoryUserPage>.Failed(read.Error!);
    }

    public async ValueTask<Result<DirectoryUser>> UpdateAsync(UserId actor, TeamId teamId, MembershipId membershipId, DirectoryUserChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        string? email = null;
        if (change.Email is not null && !EmailAddress.TryNormalize(change.Email, out email))
        {
            return Result<DirectoryUser>.Failed(TeamAccessErrorCode.InvalidEmail);
        }

        if (change.SetsExternalId && !IsExternalId(change.ExternalId))
        {
            return Result<DirectoryUser>.Failed(TeamAccessErrorCode.InvalidDirectoryValue, "The externalId has at most 256 characters and no control characters.");
        }

        string? first = null;
        string? last = null;
        if ((change.FirstName is not null && !Names.TryNormalizeName(change.FirstName, out first)) || (change.LastName is not null && !Names.TryNormalizeName(change.LastName, out last)))
        {
            return Result<DirectoryUser>.Failed(TeamAccessErrorCode.InvalidName);
        }

        var renames = first is not null || last is not null;
        var vouched = renames && await VouchedMemberAsync(teamId, membershipId, cancellationToken).ConfigureAwait(false);
        return await OnMemberAsync(actor, teamId, membershipId, change.IfVersion, "UpdateDirectoryMember", (team, membership, user) =>
        {
            if (email is not null && !string.Equals(email, membership.Email, StringComparison.Ordinal))
            {
                return Result<DirectoryUser>.Failed(TeamAccessErrorCode.DirectoryAttributeImmutable);
            }

            var updated = team.UpdateFromDirectory(membershipId, change.SetsExternalId, change.ExternalId, change.Active);
            if (!updated.TryGetValue(out var after))
            {
                return Result<DirectoryUser>.Failed(updated.Error!);
            }

            // The names are the user's, shared by their teams: only a team whose verified domain vouches for the address sets them.
            if (vouched && user is not null)
            {
                team.Rename(user, first ?? user.FirstName, last ?? user.LastName);
                return Result<DirectoryUser>.Ok(new DirectoryUser(after, first ?? user.FirstName, last ?? user.LastName));
            }

            return Result<DirectoryUser>.Ok(new DirectoryUser(after, user?.FirstName, user?.LastName));
        }, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<Result<DirectoryUser>> RemoveAsync(UserId actor, TeamId teamId, MembershipId membershipId, string? ifVersion = null, CancellationToken cancellationToken = default) =>
        OnMemberAsync(actor, teamId, membershipId, ifVersion, "RemoveDirectoryMember", (team, _, user) =>
        {
            var removed = team.RemoveFromDirectory(membershipId);
            return removed.TryGetValue(out var after)
                ? Result<DirectoryUser>.Ok(new DirectoryUser(after, user?.FirstName, user?.LastName))
                : Result<DirectoryUser>.Failed(removed.Error!);
        }, cancellationToken);

    public ValueTask<Result<Group>> CreateGroupAsync(UserId actor, TeamId teamId, string name, IReadOnlyCollection<MembershipId> members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (!Names.TryNormalizeName(name, out var normalized))
        {
            return ValueTask.FromResult(Result<Group>.Failed(TeamAccessErrorCode.InvalidName));
        }

        return writer.RunOnTeamAsync(actor, teamId, Permission, "CreateDirectoryGroup", team =>
        {
            var created = team.CreateGroup(normalized, HandleFor(normalized, team.Current.Groups.Values));
            return created.TryGetValue(out var group) ? ChangeMembers(team, group.Id, members, []) : created;
        }, cancellationToken);
    }

    public async ValueTask<Result<IReadOnlyList<Group>>> ListGroupsAsync(UserId actor, TeamId teamId, string? name = null, CancellationToken cancellationToken = default)
    {
        var read = await Actor.ReadAsync(writer.Teams, writer.Roles, actor, teamId, Permission, cancellationToken).ConfigureAwait(false);
        return read.TryGetValue(out var snapshot)
            ? Result<IReadOnlyList<Group>>.Ok([.. snapshot.Groups.Values.Where(g => name is null || string.Equals(g.Name, name, StringComparison.Ordinal)).OrderBy(g => g.Handle, StringComparer.Ordinal)])
            : Result<IReadOnlyList<Group>>.Failed(read.Error!);
    }

    public ValueTask<Result<Group>> ChangeGroupAsync(UserId actor, TeamId teamId, GroupId groupId, IReadOnlyCollection<MembershipId> add, IReadOnlyCollection<MembershipId> remove, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(remove);
        string? normalized = null;
        if (name is not null && !Names.TryNormalizeName(name, out normalized))
        {
            return ValueTask.FromResult(Result<Group>.Failed(TeamAccessErrorCode.InvalidName));
        }

        return writer.RunOnTeamAsync(actor, teamId, Permission, "ChangeDirectoryGroup", team =>
        {
            // The rename and the members are one attempt: a refusal of either commits neither.
            if (normalized is not null && team.RenameGroup(groupId, normalized) is { Succeeded: false } refused)
            {
                return refused;
            }

            return ChangeMembers(team, groupId, add, remove);
        }, cancellationToken);
    }

    public ValueTask<Result<Group>> DeleteGroupAsync(UserId actor, TeamId teamId, GroupId groupId, CancellationToken cancellationToken = default) =>
        writer.RunOnTeamAsync(actor, teamId, Permission, "DeleteDirectoryGroup", team => team.DeleteGroup(groupId), cancellationToken);

    /// <summary>Adds and removes a group's members in one attempt: the first refusal fails the attempt, so nothing is committed.</summary>
    private static Result<Group> ChangeMembers(TeamAggregate team, GroupId groupId, IReadOnlyCollection<MembershipId> add, IReadOnlyCollection<MembershipId> remove)
    {
        if (!team.Current.Groups.TryGetValue(groupId, out var group))
        {
            return Result<Group>.Failed(TeamAccessErrorCode.NotFound);
        }

        foreach (var id in remove.Distinct().Where(group.Members.Contains))
        {
            var removed = team.RemoveGroupMember(groupId, id);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }

        foreach (var id in add.Distinct().Where(id => !team.Current.Groups[groupId].Members.Contains(id)))
        {
            var added = team.AddGroupMember(groupId, id);
            if (!added.Succeeded)
            {
                return added;
            }
        }

        return Result<Group>.Ok(team.Current.Groups[groupId]);
    }

    /// <summary>A handle for a directory's group from its name: its letters and digits, made unique in the team.</summary>
    private static string HandleFor(string name, IEnumerable<Group> groups)
    {
        var slug = new string([.. name.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-')]);
        slug = string.Join('-', slug.Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > 50)
        {
            slug = slug[..50].TrimEnd('-');
        }

        var taken = groups.Select(g => g.Handle).ToHashSet(StringComparer.Ordinal);
        var handle = Handle.IsValid(slug) ? slug : "group";
        for (var n = 2; taken.Contains(handle) || !Handle.IsValid(handle); n++)
        {
            handle = $"{(Handle.IsValid(slug) ? slug : "group")}-{n}";
        }

        return handle;
    }

    /// <summary>
    /// One write on one directory member: the team loaded, the directory authorized, the membership and its user read,
    /// the version compared (<c>If-Match</c>), then the verb; all in the attempt, so a retry decides again.
    /// </summary>
    private ValueTask<Result<DirectoryUser>> OnMemberAsync(UserId actor, TeamId teamId, MembershipId membershipId, string? ifVersion, string operation, MemberVerb verb, CancellationToken cancellationToken) =>
        writer.RunAsync<DirectoryUser>(actor, operation, async (changes, ct) =>
        {
            var snapshot = await writer.Teams.LoadAsync(teamId, ct).ConfigureAwait(false);
            if (snapshot is null)
            {
                return Result<DirectoryUser>.Failed(TeamAccessErrorCode.NotFound);
            }

            var team = changes.Edit(snapshot);
            var authorized = team.Authorize(actor, Permission);
            if (!authorized.Succeeded)
            {
                return Result<DirectoryUser>.Failed(authorized.Error);
            }

            var target = team.DirectoryMember(membershipId);
            if (!target.TryGetValue(out var membership))
            {
                // A service account is not the directory's to see: it is not found, as in the lists.
                return Result<DirectoryUser>.Failed(TeamAccessErrorCode.NotFound);
            }

            var user = membership.UserId is { } id ? await users.FindByIdAsync(id, ct).ConfigureAwait(false) : null;
            if (ifVersion is not null && !string.Equals(ifVersion, DirectoryVersions.Of(membership, user?.FirstName, user?.LastName), StringComparison.Ordinal))
            {
                return Result<DirectoryUser>.Failed(TeamAccessErrorCode.DirectoryVersionMismatch);
            }

            return verb(team, membership, user);
        }, cancellationToken);

    /// <summary>Whether the team's verified domain vouches for the address: the policy names its domain, and the host's verifier says it is the team's.</summary>
    private async ValueTask<bool> VouchedAsync(TeamId teamId, string email, CancellationToken cancellationToken)
    {
        var snapshot = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        var policy = snapshot?.Team.SignInPolicy;
        var domain = Domains.Of(email);
        return policy is not null
            && string.Equals(policy.VerifiedDomain, domain, StringComparison.Ordinal)
            && await domains.IsVerifiedAsync(teamId, domain, policy, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<bool> VouchedMemberAsync(TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken)
    {
        var snapshot = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        return snapshot is not null && snapshot.Memberships.TryGetValue(membershipId, out var membership)
            && await VouchedAsync(teamId, membership.Email, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The role the directory gives: the host's choice, else the catalog's lowest-ranked role (never the guardian's).</summary>
    private string DefaultRole() =>
        options.Value.Directory.DefaultRole ?? writer.Roles.Roles.Where(r => !r.IsGuardian).OrderBy(r => r.Rank).Select(r => r.Name).FirstOrDefault() ?? string.Empty;

    private static bool IsExternalId(string? externalId) =>
        externalId is null || (externalId.Length is > 0 and <= TextLimits.MaxExternalIdLength && !externalId.Any(char.IsControl));

    private static bool TryNames(string? firstName, string? lastName, out string? first, out string? last)
    {
        first = null;
        last = null;
        return (firstName is null || Names.TryNormalizeName(firstName, out first)) && (lastName is null || Names.TryNormalizeName(lastName, out last));
    }

    private static Result<DirectoryProvisioned> Carried(Result<StoredMembership> updated, DirectoryProvisioned provisioned) =>
        updated.TryGetValue(out var membership) ? Result<DirectoryProvisioned>.Ok(provisioned with { Membership = membership }) : Result<DirectoryProvisioned>.Failed(updated.Error!);

    // The view answers as fresh as the write it shows: the write's consistency token goes with it.
    private static Result<DirectoryUser> Carry(Result written, DirectoryUser view)
    {
        var result = Result<DirectoryUser>.Ok(view);
        if (written.ConsistencyToken is { } token)
        {
            result.SetConsistencyToken(token);
        }

        return result;
    }
}
