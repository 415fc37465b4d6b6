using Microsoft.Extensions.Options;
using TeamAccess.Domain;
using TeamAccess.Invitations;
using TeamAccess.Writes;

namespace TeamAccess.Members;

/// <summary>The default <see cref="IMemberService"/>: validates the input, runs one verb of the team aggregate with the permission it needs.</summary>
internal sealed class MemberService(IUserStore users, IMemberQueryStore members, ListReader reads, TeamWriter writer, TeamInvitations invitations, IOptions<TeamAccessOptions> options) : IMemberService
{
    private RoleCatalog Roles => writer.Roles;

    public async ValueTask<Result<MemberPage>> ListPageAsync(UserId actor, TeamId teamId, MemberQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await reads.ReadAsync(actor, teamId, Permissions.MembersRead, (_, ct) => members.ListMembersAsync(teamId, query, ct), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result<IReadOnlyList<MemberView>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        // A loop over the largest pages: each is authorized again, and a member present throughout is listed once.
        var rows = new List<MemberView>();
        var query = new MemberQuery { PageSize = MemberQuery.MaxPageSize };
        while (true)
        {
            var page = await ListPageAsync(actor, teamId, query, cancellationToken).ConfigureAwait(false);
            if (!page.TryGetValue(out var value))
            {
                return Result<IReadOnlyList<MemberView>>.Failed(page.Error!);
            }

            rows.AddRange(value.Members);
            if (value.Next is not { } next)
            {
                return Result<IReadOnlyList<MemberView>>.Ok(rows);
            }

            query = new MemberQuery { PageSize = MemberQuery.MaxPageSize, After = next };
        }
    }

    public async ValueTask<Result<Membership>> AddAsync(UserId actor, TeamId teamId, UserId userId, string role, CancellationToken cancellationToken = default)
    {
        if (!RoleCatalog.IsValidName(role))
        {
            return Result<Membership>.Failed(TeamAccessErrorCode.InvalidRole);
        }

        // A team member never adds another person directly: the user's address is invited, and the user accepts or not.
        var user = await users.FindByIdAsync(userId, cancellationToken).ConfigureAwait(false);
        var inviter = await users.FindByIdAsync(actor, cancellationToken).ConfigureAwait(false);
        var invitationOptions = options.Value.Invitations;
        var decided = await writer.RunOnTeamAsync(actor, teamId, Permissions.MembersInvite, "InviteUser", team => team.InviteUser(user, role, invitationOptions.Lifetime, invitationOptions), cancellationToken).ConfigureAwait(false);
        if (!decided.TryGetValue(out var batch))
        {
            return Result<Membership>.Failed(decided.Error!);
        }

        // Only the attempt that committed is sent: its secrets are the stored ones.
        await invitations.SendAsync(batch.Issued, inviter, cancellationToken).ConfigureAwait(false);
        var invited = batch.Issued[0].Membership.ToView();
        var result = Result<Membership>.Ok(invited);
        if (decided.ConsistencyToken is { } token)
        {
            result.SetConsistencyToken(token);
        }

        return result;
    }

    public async ValueTask<Result<Membership>> AddAsHostAsync(TeamId teamId, UserId userId, string role, CancellationToken cancellationToken = default)
    {
        if (!RoleCatalog.IsValidName(role))
        {
            return Result<Membership>.Failed(TeamAccessErrorCode.InvalidRole);
        }

        var user = await users.FindByIdAsync(userId, cancellationToken).ConfigureAwait(false);
        return await writer.RunOnTeamAsHostAsync(teamId, "AddMemberAsHost", team => team.Add(user, role), cancellationToken).AsView().ConfigureAwait(false);
    }

    public ValueTask<Result<Membership>> ChangeRoleAsync(UserId actor, TeamId teamId, MembershipId membershipId, string role, CancellationToken cancellationToken = default) =>
        RoleCatalog.IsValidName(role)
            ? writer.RunOnTeamAsync(actor, teamId, Permissions.MembersManage, "ChangeRole", team => team.ChangeRole(membershipId, role), cancellationToken).AsView()
            : ValueTask.FromResult(Result<Membership>.Failed(TeamAccessErrorCode.InvalidRole));

    public ValueTask<Result<Membership>> DeactivateAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        writer.RunOnTeamAsync(actor, teamId, Permissions.MembersManage, "Deactivate", team => team.Deactivate(membershipId), cancellationToken).AsView();

    public ValueTask<Result<Membership>> ReactivateAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        writer.RunOnTeamAsync(actor, teamId, Permissions.MembersManage, "Reactivate", team => team.Reactivate(membershipId), cancellationToken).AsView();

    public ValueTask<Result<Membership>> SignOutAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        writer.RunOnTeamAsync(actor, teamId, Permissions.MembersManage, "SignOutMember", team => team.SignOutMember(membershipId), cancellationToken).AsView();

    public ValueTask<Result<Membership>> RemoveAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        writer.RunOnTeamAsync(actor, teamId, Permissions.MembersManage, "Remove", team => team.Remove(membershipId), cancellationToken).AsView();

    public ValueTask<Result<Membership>> LeaveAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default) =>
        writer.RunOnTeamAsync(actor, teamId, permission: null, "Leave", team => team.Leave(), cancellationToken).AsView();

    public async ValueTask<Result<MemberView>> UpdateNamesAsync(UserId actor, TeamId teamId, MembershipId membershipId, string firstName, string lastName, CancellationToken cancellationToken = default)
    {
        if (!Names.TryNormalizeName(firstName, out var first) || !Names.TryNormalizeName(lastName, out var last))
        {
            return Result<MemberView>.Failed(TeamAccessErrorCode.InvalidName);
        }

        return await writer.RunAsync<MemberView>(actor, "UpdateMemberNames", async (changes, ct) =>
        {
            var snapshot = await writer.Teams.LoadAsync(teamId, ct).ConfigureAwait(false);
            if (snapshot is null)
            {
                return Result<MemberView>.Failed(TeamAccessErrorCode.NotFound);
            }

            // The names are the user's, shared by every team they belong to: a member renames only themselves.
            var team = changes.Edit(snapshot);
            var own = snapshot.FindCurrentMembership(actor) is { } mine && mine.Id == membershipId;
            var authorized = team.Authorize(actor, own ? null : Permissions.MembersManage);
            if (!authorized.Succeeded)
            {
                return Result<MemberView>.Failed(authorized.Error);
            }

            var target = team.Renamable(membershipId);
            if (!target.TryGetValue(out var membership))
            {
                return Result<MemberView>.Failed(target.Error!);
            }

            if (await users.FindByIdAsync(membership.UserId!.Value, ct).ConfigureAwait(false) is not { } user)
            {
                return Result<MemberView>.Failed(TeamAccessErrorCode.NotFound);
            }

            // Another member's names that stay as they are are no edit (an Edit User page that saves only a role).
            if (!own && (user.FirstName != first || user.LastName != last))
            {
                return Result<MemberView>.Failed(TeamAccessErrorCode.NamesAreTheUsers);
            }

            team.Rename(user, first, last);
            return Result<MemberView>.Ok(new MemberView(membership.Id, user.Id, membership.Email, first, last, membership.Role, membership.Status, membership.CreatedAt));
        }, cancellationToken).ConfigureAwait(false);
    }
}
