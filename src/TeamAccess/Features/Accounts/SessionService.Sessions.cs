using TeamAccess.Index;

namespace TeamAccess.Accounts;

/// <content>A user's list of sessions: listing them, signing one out, signing out all but the current one.</content>
internal sealed partial class SessionService
{
    public async ValueTask<Result<IReadOnlyList<UserSession>>> ListSessionsAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var current = await tokens.ValidateAsync(accessToken, null, cancellationToken, secondFactorPolicy: false).ConfigureAwait(false);
        if (!current.TryGetValue(out var session))
        {
            return Result<IReadOnlyList<UserSession>>.Failed(current.Error!);
        }

        var live = await LiveSessionsAsync(session.Claims.UserId, cancellationToken).ConfigureAwait(false);
        var now = writer.Time.GetUtcNow();
        IReadOnlyList<UserSession> listed = [.. live.Select(r =>
        {
            var isCurrent = r.SessionId == session.Claims.SessionId;
            var seen = Later(r.LastSeenAt, activity.PendingFor(r.SessionId));
            return new UserSession(r.SessionId, r.TeamId, r.Device, r.IpAddress, r.SignedInAt, isCurrent ? now : seen, r.Methods, r.ExpiresAt, isCurrent);
        })];
        return Result<IReadOnlyList<UserSession>>.Ok(listed);
    }

    public async ValueTask<Result> SignOutSessionAsync(string accessToken, Guid sessionId, CancellationToken cancellationToken = default)
    {
        var current = await tokens.ValidateAsync(accessToken, null, cancellationToken, secondFactorPolicy: false).ConfigureAwait(false);
        if (!current.TryGetValue(out var session))
        {
            return Result.Failed(current.Error!);
        }

        // Only one of the user's own live sessions: another user's id answers as an unknown one does.
        var userId = session.Claims.UserId;
        var target = (await LiveSessionsAsync(userId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.SessionId == sessionId);
        if (target is null)
        {
            return Result.Failed(TeamAccessErrorCode.NotFound);
        }

        var revoked = await RevokeAsync(userId, "SignOutSession", [(target.SessionId, target.SignedInAt, target.ExpiresAt)], cancellationToken).ConfigureAwait(false);
        if (revoked.Succeeded)
        {
            _logger.SessionSignedOutFromAnother(sessionId, userId);
        }

        return revoked;
    }

    public async ValueTask<Result<int>> SignOutOtherSessionsAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var current = await tokens.ValidateAsync(accessToken, null, cancellationToken, secondFactorPolicy: false).ConfigureAwait(false);
        if (!current.TryGetValue(out var session))
        {
            return Result<int>.Failed(current.Error!);
        }

        var userId = session.Claims.UserId;
        var others = (await LiveSessionsAsync(userId, cancellationToken).ConfigureAwait(false))
            .Where(r => r.SessionId != session.Claims.SessionId)
            .Select(r => (r.SessionId, r.SignedInAt, r.ExpiresAt))
            .ToList();
        if (others.Count == 0)
        {
            return Result<int>.Ok(0);
        }

        var revoked = await RevokeAsync(userId, "SignOutOtherSessions", others, cancellationToken).ConfigureAwait(false);
        if (!revoked.Succeeded)
        {
            return Result<int>.Failed(revoked.Error!);
        }

        _logger.OtherSessionsSignedOut(others.Count, userId);
        return Result<int>.Ok(others.Count);
    }

    /// <summary>
    /// Signs sessions out in one write: each id is refused until no token of it could validate anyway (the later of its
    /// expiry and its maximum age). A racing sign-out of the same session got there first: it has ended all the same.
    /// </summary>
    private async ValueTask<Result> RevokeAsync(UserId userId, string operation, IReadOnlyList<(Guid SessionId, DateTimeOffset AuthenticatedAt, DateTimeOffset ExpiresAt)> sessions, CancellationToken cancellationToken)
    {
        var revoked = await writer.RunAsync(userId, operation, (changes, _) =>
        {
            foreach (var (sessionId, authenticatedAt, expiresAt) in sessions)
            {
                var end = authenticatedAt + Options.MaxAge;
                changes.RevokeSession(new RevokedSession(sessionId, userId, changes.Now, (end > expiresAt ? end : expiresAt) + Options.ClockSkew));
            }

            return ValueTask.FromResult(Result<bool>.Ok(true));
        }, cancellationToken).ConfigureAwait(false);
        return revoked.Succeeded || revoked.Code == TeamAccessErrorCode.SessionRevoked ? Result.Success : Result.Failed(revoked.Error!);
    }

    /// <summary>
    /// The user's recorded sessions that a token could still validate in: not expired, not signed out, under the user's
    /// current session stamp, and with their membership still Active under the stamp they name (the index says so from
    /// memory; only what it cannot confirm is read, once per membership).
    /// </summary>
    private async ValueTask<List<StoredSession>> LiveSessionsAsync(UserId userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return [];
        }

        var stored = await records.ListSessionsAsync(userId, writer.Time.GetUtcNow() - Options.ClockSkew, cancellationToken).ConfigureAwait(false);
        var live = new List<StoredSession>();
        var memberships = new Dictionary<MembershipId, StoredMembership?>();
        foreach (var record in stored.Where(r => r.UserStamp == user.SessionStamp))
        {
            if (!engine.Refusing && engine.CheckSession(userId, record.TeamId, record.MembershipId, record.MembershipStamp, out _, out _) == SessionCheck.Valid)
            {
                live.Add(record);
                continue;
            }

            if (!memberships.TryGetValue(record.MembershipId, out var membership))
            {
                membership = await writer.Teams.FindMembershipAsync(record.TeamId, record.MembershipId, cancellationToken).ConfigureAwait(false);
                memberships[record.MembershipId] = membership;
            }

            if (membership is { Status: MembershipStatus.Active } && membership.UserId == userId && membership.SecurityStamp == record.MembershipStamp)
            {
                live.Add(record);
            }
        }

        return live;
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
