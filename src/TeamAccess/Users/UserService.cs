namespace TeamAccess;

/// <summary>The default <see cref="IUserService"/>.</summary>
internal sealed class UserService(IUserStore users, TeamWriter writer) : IUserService
{
    public ValueTask<Result<SignUpResult>> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!EmailAddress.TryNormalize(request.Email, out var email))
        {
            return ValueTask.FromResult(Result<SignUpResult>.Failed(TeamAccessErrorCode.InvalidEmail));
        }

        if (!Names.TryNormalizeName(request.FirstName, out var first) || !Names.TryNormalizeName(request.LastName, out var last)
            || !Names.TryNormalizeName(request.TeamName, out var teamName))
        {
            return ValueTask.FromResult(Result<SignUpResult>.Failed(TeamAccessErrorCode.InvalidName));
        }

        if (!Handle.IsValid(request.TeamHandle))
        {
            return ValueTask.FromResult(Result<SignUpResult>.Failed(TeamAccessErrorCode.InvalidHandle));
        }

        var userId = UserId.New();
        return writer.RunAsync(
            userId,
            "SignUp",
            async (changes, ct) =>
            {
                // The store's unique index is the authority; this early look only gives the common case a clean path.
                if (await users.FindByEmailAsync(email, ct).ConfigureAwait(false) is not null)
                {
                    return Result<SignUpResult>.Failed(TeamAccessErrorCode.DuplicateEmail);
                }

                var user = new User(userId, email, first, last, changes.Now);
                changes.CreateUser(user);
                var (team, membership) = TeamService.StartTeam(changes, user, teamName, request.TeamHandle, writer.Roles);
                return Result<SignUpResult>.Ok(new SignUpResult(user, team, membership));
            },
            cancellationToken);
    }

    public async ValueTask<Result<User>> UpdateNameAsync(UserId actor, UserId userId, string firstName, string lastName, CancellationToken cancellationToken = default)
    {
        if (!Names.TryNormalizeName(firstName, out var first) || !Names.TryNormalizeName(lastName, out var last))
        {
            return Result<User>.Failed(TeamAccessErrorCode.InvalidName);
        }

        if (actor != userId)
        {
            return Result<User>.Failed(TeamAccessErrorCode.PermissionDenied);
        }

        return await writer.RunAsync(
            actor,
            "UpdateName",
            async (changes, ct) =>
            {
                var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
                if (user is null)
                {
                    return Result<User>.Failed(TeamAccessErrorCode.NotFound);
                }

                if (user.FirstName == first && user.LastName == last)
                {
                    return Result<User>.Ok(user);
                }

                var after = user with { FirstName = first, LastName = last };
                changes.UpdateUser(user, after, AuditActions.UserRenamed);
                return Result<User>.Ok(after);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result> DeleteAsync(UserId actor, UserId userId, CancellationToken cancellationToken = default)
    {
        if (actor != userId)
        {
            return Result.Failed(TeamAccessErrorCode.PermissionDenied);
        }

        return await writer.RunAsync(
            actor,
            "DeleteUser",
            async (changes, ct) =>
            {
                var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
                if (user is null)
                {
                    return Result<User>.Failed(TeamAccessErrorCode.NotFound);
                }

                await foreach (var teamId in writer.Teams.ListTeamIdsForUserAsync(userId, ct).ConfigureAwait(false))
                {
                    var snapshot = await writer.Teams.LoadAsync(teamId, ct).ConfigureAwait(false);
                    var membership = snapshot?.FindCurrentMembership(userId);
                    if (snapshot is null || membership is null)
                    {
                        continue;
                    }

                    if (Guardians.IsLastActiveGuardian(snapshot, membership, writer.Roles))
                    {
                        return Result<User>.Failed(TeamAccessErrorCode.UserIsLastGuardian);
                    }

                    var trigger = membership.Status == MembershipStatus.Invited ? MembershipLifecycle.Trigger.Decline : MembershipLifecycle.Trigger.Remove;
                    var removed = MembershipChanges.Fire(changes.Edit(snapshot), membership, trigger, AuditActions.MembershipRemoved, writer.Roles);
                    if (!removed.Succeeded)
                    {
                        return Result<User>.Failed(removed.Error);
                    }
                }

                changes.DeleteUser(user);
                return Result<User>.Ok(user);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<User?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        EmailAddress.TryNormalize(email, out var normalized) ? users.FindByEmailAsync(normalized, cancellationToken) : ValueTask.FromResult<User?>(null);

    public ValueTask<User?> FindByIdAsync(UserId userId, CancellationToken cancellationToken = default) =>
        users.FindByIdAsync(userId, cancellationToken);
}
