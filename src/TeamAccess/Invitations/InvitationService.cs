using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TeamAccess;

/// <summary>
/// The default <see cref="IInvitationService"/>. Every write goes through <see cref="TeamWriter"/> (load, decide on what
/// was loaded, commit against the team's version, retry on conflict), so two accepts racing for one invitation end with
/// one acceptance and the loser re-deciding on the winner's state ("already accepted"). Messages are sent only after
/// the commit, so a retried write never sends twice.
/// </summary>
internal sealed class InvitationService(
    IUserStore users,
    TeamWriter writer,
    IInvitationSender sender,
    ITeamSignInPolicyProvider policies,
    IdentityProviderRegistry providers,
    PasswordPolicy passwordPolicy,
    PasswordHasher passwordHasher,
    IOptions<TeamAccessOptions> options,
    ListReader reads,
    ILogger<InvitationService>? logger = null) : IInvitationService
{
    private readonly ILogger _logger = logger ?? NullLogger<InvitationService>.Instance;

    private InvitationOptions Options => options.Value.Invitations;

    private RoleCatalog Roles => writer.Roles;

    public async ValueTask<Result<InviteBatchResult>> InviteAsync(UserId actor, TeamId teamId, InviteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Addresses is null)
        {
            return Result<InviteBatchResult>.Failed(TeamAccessErrorCode.InvalidEmail);
        }

        if (request.Addresses.Count > Options.MaxBatchSize)
        {
            return Result<InviteBatchResult>.Failed(TeamAccessErrorCode.BatchTooLarge);
        }

        if (!Roles.TryGet(request.Role, out var role))
        {
            return Result<InviteBatchResult>.Failed(TeamAccessErrorCode.InvalidRole);
        }

        var lifetime = request.Lifetime ?? Options.Lifetime;
        if (lifetime < Options.MinLifetime || lifetime > Options.MaxLifetime)
        {
            return Result<InviteBatchResult>.Failed(TeamAccessErrorCode.InvalidLifetime);
        }

        var inviter = await users.FindByIdAsync(actor, cancellationToken).ConfigureAwait(false);
        var decided = await writer.RunOnTeamAsync(
            actor, teamId, Permissions.MembersInvite, "Invite", team => Result<InviteBatch>.Ok(team.Invite(request.Addresses, role, lifetime, Options)), cancellationToken).ConfigureAwait(false);
        if (!decided.TryGetValue(out var batch))
        {
            return Result<InviteBatchResult>.Failed(decided.Error!);
        }

        // Only the attempt that committed is sent: its secrets are the stored ones.
        var delivered = new HashSet<MembershipId>();
        foreach (var issued in batch.Issued)
        {
            if (await SendAsync(Message(issued, inviter, isResend: false), cancellationToken).ConfigureAwait(false))
            {
                delivered.Add(issued.Membership.Id);
            }
        }

        var outcomes = batch.Outcomes
            .Select(o => o.MembershipId is { } id ? o with { Delivered = delivered.Contains(id) } : o)
            .ToArray();
        return Result<InviteBatchResult>.Ok(new InviteBatchResult(outcomes));
    }

    public async ValueTask<Result<InvitationView>> ResendAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default)
    {
        var inviter = await users.FindByIdAsync(actor, cancellationToken).ConfigureAwait(false);
        var decided = await writer.RunOnTeamAsync(actor, teamId, Permissions.MembersInvite, "ResendInvitation", team => team.Resend(membershipId, Options), cancellationToken).ConfigureAwait(false);
        if (!decided.TryGetValue(out var resent))
        {
            return Result<InvitationView>.Failed(decided.Error!);
        }

        await SendAsync(Message(resent, inviter, isResend: true), cancellationToken).ConfigureAwait(false);
        return Result<InvitationView>.Ok(View(resent.Membership, writer.Time.GetUtcNow()));
    }

    public async ValueTask<Result> RevokeAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        await writer.RunOnTeamAsync(actor, teamId, Permissions.MembersInvite, "RevokeInvitation", team => team.Revoke(membershipId), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Result<IReadOnlyList<InvitationView>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var read = await Actor.ReadAsync(writer.Teams, Roles, actor, teamId, Permissions.MembersRead, cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(out var snapshot))
        {
            return Result<IReadOnlyList<InvitationView>>.Failed(read.Error!);
        }

        var now = writer.Time.GetUtcNow();
        IReadOnlyList<InvitationView> rows = snapshot.Memberships.Values
            .Where(m => m.Invitation is not null)
            .OrderByDescending(m => m.CreatedAt)
            .ThenBy(m => m.Email, StringComparer.Ordinal)
            .Select(m => View(m, now))
            .ToArray();
        return Result<IReadOnlyList<InvitationView>>.Ok(rows);
    }

    public async ValueTask<Result<Page<InvitationView, MemberPageKey>>> ListPageAsync(UserId actor, TeamId teamId, InvitationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var read = await reads.ReadAsync(actor, teamId, Permissions.MembersRead, (lists, ct) => lists.ListInvitationsAsync(teamId, query, ct), cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(out var page))
        {
            return Result<Page<InvitationView, MemberPageKey>>.Failed(read.Error!);
        }

        var now = writer.Time.GetUtcNow();
        return Result<Page<InvitationView, MemberPageKey>>.Ok(new(page.Items.Select(m => View(m, now)).ToArray(), page.Next));
    }

    public async ValueTask<Result<InvitationPreview>> PeekAsync(InvitationKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await RunKeyedAsync(null, key, "PeekInvitation", allowSettled: true, async (team, target, ct) =>
        {
            var policy = await policies.GetAsync(team.Id, ct).ConfigureAwait(false);
            var now = writer.Time.GetUtcNow();
            var t = team.Current.Team;
            return Result<InvitationPreview>.Ok(new InvitationPreview(t.Id, t.Name, t.Handle, target.Email, target.Role, TeamAggregate.InvitationStatusOf(target, now), target.Invitation!.ExpiresAt, policy.RequiresSso));
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result<Membership>> AcceptAsync(UserId userId, InvitationKey key, SignInCredential? credential = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var user = await users.FindByIdAsync(userId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return Result<Membership>.Failed(TeamAccessErrorCode.NotFound);
        }

        var proven = await ProveAsync(credential, cancellationToken).ConfigureAwait(false);
        if (!proven.Succeeded)
        {
            return Result<Membership>.Failed(proven.Error);
        }

        var identity = proven.Value;

        return await RunKeyedAsync(userId, key, "AcceptInvitation", allowSettled: false, async (team, target, ct) =>
        {
            if (!string.Equals(user.Email, target.Email, StringComparison.Ordinal))
            {
                return Result<Membership>.Failed(TeamAccessErrorCode.EmailMismatch);
            }

            var policy = await policies.GetAsync(team.Id, ct).ConfigureAwait(false);
            if (policy.RequiresSso && !ProvesInvitedEmail(identity, policy, target.Email))
            {
                return Result<Membership>.Failed(TeamAccessErrorCode.SsoRequired);
            }

            var linked = policy.RequiresSso ? await LinkAsync(team, identity!, user.Id, ct).ConfigureAwait(false) : TeamAccessErrorCode.None;
            if (linked is not TeamAccessErrorCode.None)
            {
                return Result<Membership>.Failed(linked);
            }

            // The invitation's secret reached the address: that proves it.
            if (await users.FindByIdAsync(user.Id, ct).ConfigureAwait(false) is { EmailConfirmed: false } unconfirmed)
            {
                team.Owner.UpdateUser(unconfirmed, unconfirmed with { EmailConfirmed = true, EmailConfirmationHash = null, EmailConfirmationExpiresAt = null }, AuditActions.UserEmailConfirmed);
            }

            return team.Accept(target.Id, user.Id);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result<AcceptResult>> AcceptWithNewAccountAsync(InvitationKey key, NewAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(account);
        if (!Names.TryNormalizeName(account.FirstName, out var first) || !Names.TryNormalizeName(account.LastName, out var last))
        {
            return Result<AcceptResult>.Failed(TeamAccessErrorCode.InvalidName);
        }

        // Look first (a read, or a counted try for a code), so the password is judged against the invited address and
        // hashed once, outside the retried write.
        var preview = await PeekAsync(key, cancellationToken).ConfigureAwait(false);
        if (!preview.TryGetValue(out var invited))
        {
            return Result<AcceptResult>.Failed(preview.Error!);
        }

        var proven = await ProveAsync(account.Credential, cancellationToken).ConfigureAwait(false);
        if (!proven.Succeeded)
        {
            return Result<AcceptResult>.Failed(proven.Error);
        }

        var identity = proven.Value;
        string? passwordHash = null;
        if (invited.RequiresSso || account.Password is null)
        {
            if (account.Password is not null || identity is null)
            {
                return Result<AcceptResult>.Failed(TeamAccessErrorCode.SsoRequired);
            }
        }
        else
        {
            var failed = await passwordPolicy.CheckAsync(account.Password, invited.Email, cancellationToken).ConfigureAwait(false);
            if (failed.Count > 0)
            {
                return Result<AcceptResult>.Failed(PasswordPolicy.Refusal(failed));
            }

            passwordHash = passwordHasher.Hash(account.Password);
        }

        var userId = UserId.New();
        return await RunKeyedAsync(userId, key, "AcceptInvitationWithNewAccount", allowSettled: false, async (team, target, ct) =>
        {
            var policy = await policies.GetAsync(team.Id, ct).ConfigureAwait(false);
            if ((policy.RequiresSso || passwordHash is null) && !ProvesInvitedEmail(identity, policy, target.Email))
            {
                return Result<AcceptResult>.Failed(TeamAccessErrorCode.SsoRequired);
            }

            // An identity given beside a password is linked only when the team accepts its provider and it proves the
            // invited address: otherwise whoever holds the link could tie any identity to the new account.
            if (identity is not null && !providers.Accepts(policy, identity.Provider))
            {
                return Result<AcceptResult>.Failed(TeamAccessErrorCode.ProviderNotAccepted);
            }

            if (identity is not null && !ProvesInvitedEmail(identity, policy, target.Email))
            {
                return Result<AcceptResult>.Failed(TeamAccessErrorCode.EmailMismatch);
            }

            // The store's unique index is the authority; this look gives the common case its clear answer. The address
            // may have been taken by a racing accept of this very invitation, committed after the team was read: the
            // team read again (after the user) then shows it accepted, and that is the answer.
            if (await users.FindByEmailAsync(target.Email, ct).ConfigureAwait(false) is not null)
            {
                var fresh = await writer.Teams.LoadAsync(team.Id, ct).ConfigureAwait(false);
                var settled = fresh?.Memberships.GetValueOrDefault(target.Id) is { } now ? TeamAggregate.StateRefusalOf(fresh.Team, now, team.Now) : TeamAccessErrorCode.None;
                return Result<AcceptResult>.Failed(settled is TeamAccessErrorCode.None ? TeamAccessErrorCode.SignInRequired : settled);
            }

            // The invitation's secret reached the address: the new account's address is proven.
            var user = new User(userId, target.Email, first, last, team.Now) { PasswordHash = passwordHash, EmailConfirmed = true };
            team.Owner.CreateUser(user);
            var linked = identity is null ? TeamAccessErrorCode.None : await LinkAsync(team, identity, userId, ct).ConfigureAwait(false);
            if (linked is not TeamAccessErrorCode.None)
            {
                return Result<AcceptResult>.Failed(linked);
            }

            var accepted = team.Accept(target.Id, userId);
            return accepted.TryGetValue(out var membership)
                ? Result<AcceptResult>.Ok(new AcceptResult(user, membership))
                : Result<AcceptResult>.Failed(accepted.Error!);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result> DeclineAsync(InvitationKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await RunKeyedAsync(null, key, "DeclineInvitation", allowSettled: false, (team, target, _) =>
        {
            return ValueTask.FromResult(team.Decline(target.Id));
        }, cancellationToken).ConfigureAwait(false);
    }

    private static InvitationView View(Membership m, DateTimeOffset now) =>
        new(m.Id, m.Email, m.Role, TeamAggregate.InvitationStatusOf(m, now), m.CreatedBy, m.CreatedAt, m.Invitation!.LastSentAt, m.Invitation.SendCount, m.Invitation.ExpiresAt);

    private static InvitationMessage Message(IssuedInvitation issued, User? inviter, bool isResend)
    {
        var (team, membership, secret) = issued;
        return new(membership.Email, team.Id, team.Name, team.Handle, inviter?.Email, membership.Role, secret.Token, secret.Code, membership.Invitation!.ExpiresAt, membership.Id, isResend);
    }

    /// <summary>Validates a provider's token (a password credential proves no SSO identity); <see langword="null"/> when none was given.</summary>
    private async ValueTask<Result<ExternalIdentity?>> ProveAsync(SignInCredential? credential, CancellationToken cancellationToken)
    {
        if (credential is not TokenCredential token)
        {
            return Result<ExternalIdentity?>.Ok(null);
        }

        if (!providers.TryGet(token.Provider, out var provider))
        {
            return Result<ExternalIdentity?>.Failed(TeamAccessErrorCode.UnknownProvider);
        }

        var identity = await provider.ValidateAsync(token.Token, token.Nonce, cancellationToken).ConfigureAwait(false);
        return identity.TryGetValue(out var proven) ? Result<ExternalIdentity?>.Ok(proven) : Result<ExternalIdentity?>.Failed(identity.Error!);
    }

    /// <summary>Links the SSO identity to the user, unless it already is; an identity of another user is refused.</summary>
    private async ValueTask<TeamAccessErrorCode> LinkAsync(TeamAggregate team, ExternalIdentity identity, UserId userId, CancellationToken cancellationToken)
    {
        var linked = await users.FindByLoginAsync(identity.Issuer, identity.Subject, cancellationToken).ConfigureAwait(false);
        if (linked is null)
        {
            team.Owner.LinkLogin(new ExternalLogin(userId, identity.Provider, identity.Issuer, identity.Subject));
            return TeamAccessErrorCode.None;
        }

        return linked.Id == userId ? TeamAccessErrorCode.None : TeamAccessErrorCode.LoginAlreadyLinked;
    }

    /// <summary>An identity proves the invited address only when it comes from the team's provider and its email is verified and equal.</summary>
    private static bool ProvesInvitedEmail(ExternalIdentity? identity, TeamSignInPolicy policy, string invitedEmail) =>
        identity is not null
        && identity.EmailVerified
        && (!policy.RequiresSso || string.Equals(identity.Provider, policy.SsoProvider, StringComparison.Ordinal))
        && EmailAddress.TryNormalize(identity.Email, out var email)
        && string.Equals(email, invitedEmail, StringComparison.Ordinal);

    private async ValueTask<bool> SendAsync(InvitationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The invitation is committed; a failed delivery is reported in the outcome and can be resent.
            // Neither the message nor the exception is logged as an object: either may carry the link.
            _logger.LogError("TeamAccess could not deliver the invitation of membership {MembershipId} in team {TeamId}: {ExceptionType}", message.MembershipId, message.TeamId, ex.GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// Runs a write keyed by what an invitee presents: find the team and the invitation, check the secret in constant
    /// time, then judge the invitation's state. A short code is first judged and recorded on its own
    /// (<see cref="JudgeCodeAsync"/>): a wrong one answers <see cref="TeamAccessErrorCode.InvalidToken"/> there.
    /// </summary>
    private async ValueTask<Result<T>> RunKeyedAsync<T>(
        UserId? actor,
        InvitationKey key,
        string operation,
        bool allowSettled,
        Func<TeamAggregate, Membership, CancellationToken, ValueTask<Result<T>>> decide,
        CancellationToken cancellationToken)
    {
        var teamId = await ResolveTeamAsync(key, cancellationToken).ConfigureAwait(false);
        if (key.IsCode)
        {
            // An unknown team is judged too: the same work as a known one, and the same answer.
            var counted = await JudgeCodeAsync(teamId, key, cancellationToken).ConfigureAwait(false);
            if (counted is not TeamAccessErrorCode.None)
            {
                return Result<T>.Failed(counted);
            }
        }

        if (teamId is null)
        {
            return Result<T>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var outcome = await writer.RunAsync(
            actor,
            operation,
            async (changes, ct) =>
            {
                var snapshot = await writer.Teams.LoadAsync(teamId.Value, ct).ConfigureAwait(false);
                if (snapshot is null)
                {
                    return Result<Result<T>>.Ok(Result<T>.Failed(TeamAccessErrorCode.InvalidToken));
                }

                var team = changes.Edit(snapshot);
                var located = Locate(team, key);
                if (!located.TryGetValue(out var target))
                {
                    return Result<Result<T>>.Ok(Result<T>.Failed(located.Error!));
                }

                var state = team.StateRefusal(target.Id);
                if (state is not TeamAccessErrorCode.None && !(allowSettled && state is not TeamAccessErrorCode.TeamDeleted))
                {
                    return Result<Result<T>>.Ok(Result<T>.Failed(state));
                }

                var decided = await decide(team, target, ct).ConfigureAwait(false);
                return decided.Succeeded ? Result<Result<T>>.Ok(decided) : Result<Result<T>>.Failed(decided.Error);
            },
            cancellationToken).ConfigureAwait(false);

        return outcome.TryGetValue(out var inner) ? inner : Result<T>.Failed(outcome.Error!);
    }

    private async ValueTask<TeamId?> ResolveTeamAsync(InvitationKey key, CancellationToken cancellationToken)
    {
        if (!key.IsCode)
        {
            return InvitationSecrets.TryParseToken(key.Token, out var teamId, out _) ? teamId : null;
        }

        return Handle.IsValid(key.TeamHandle)
            ? await writer.Teams.FindIdByHandleAsync(key.TeamHandle!, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private Result<Membership> Locate(TeamAggregate team, InvitationKey key)
    {
        var snapshot = team.Current;
        if (!key.IsCode)
        {
            return InvitationSecrets.TryParseToken(key.Token, out _, out var membershipId)
                && snapshot.Memberships.TryGetValue(membershipId, out var byToken) && byToken.Invitation is not null
                && InvitationSecrets.TokenMatches(key.Token!, snapshot.InvitationSecrets.GetValueOrDefault(membershipId))
                ? Result<Membership>.Ok(byToken)
                : Result<Membership>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        if (!EmailAddress.TryNormalize(key.Email, out var email))
        {
            return Result<Membership>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var target = CodeTarget(snapshot, email);
        if (target is not null && InvitationSecrets.CodeMatches(key.Code!, snapshot.InvitationSecrets.GetValueOrDefault(target.Id)))
        {
            return Result<Membership>.Ok(target);
        }

        if (target is not null)
        {
            _logger.LogWarning("TeamAccess refused a wrong invitation code for membership {MembershipId}", target.Id);
        }

        return Result<Membership>.Failed(TeamAccessErrorCode.InvalidToken);
    }

    /// <summary>The code belongs to the address's current invitation, or, once that is settled, to its latest one.</summary>
    private static Membership? CodeTarget(TeamSnapshot snapshot, string email) =>
        snapshot.Memberships.Values
            .Where(m => m.Invitation is not null && string.Equals(m.Email, email, StringComparison.Ordinal))
            .OrderBy(m => m.Status.IsTerminal())
            .ThenByDescending(m => m.CreatedAt)
            .FirstOrDefault();

    /// <summary>
    /// Judges a short code in a committed write before anything else answers it: a wrong code adds one to the
    /// invitation's count of wrong tries, a right one is recorded without adding to it, so only wrong codes lead to
    /// <see cref="InvitationOptions.MaxCodeAttempts"/> and a right code is never locked out by its own earlier uses. The
    /// record is committed against the team's version either way: of tries racing in parallel, one whose record cannot
    /// commit is judged again on the state that beat it, so no more than the limit of wrong codes is ever judged for
    /// an answer. Every invitation the address was sent counts, pending or settled (accepted, declined, revoked, expired).
    /// Whatever exists, a try costs the same: one PBKDF2 run (on a decoy where there is nothing to judge) and one
    /// committed write (for an unknown team or address, an event recording the attempt); and a locked code answers
    /// <see cref="TeamAccessErrorCode.InvalidToken"/> as an unknown address does (the lock is logged, not told), so no
    /// answer tells whether an address was invited.
    /// </summary>
    private async ValueTask<TeamAccessErrorCode> JudgeCodeAsync(TeamId? teamId, InvitationKey key, CancellationToken cancellationToken)
    {
        MembershipId? judgedFor = null;
        var judged = await writer.RunAsync<CodeJudgement>(null, "InvitationCodeTry", async (changes, ct) =>
        {
            judgedFor = null;
            var snapshot = teamId is { } id ? await writer.Teams.LoadAsync(id, ct).ConfigureAwait(false) : null;
            var target = snapshot is not null && EmailAddress.TryNormalize(key.Email, out var email) ? CodeTarget(snapshot, email) : null;
            if (target is null)
            {
                InvitationSecrets.CodeMatches(key.Code!, InvitationSecrets.Decoy);
                changes.RecordAttempt(AuditActions.InvitationCodeTried);
                return Result<CodeJudgement>.Ok(CodeJudgement.NoInvitation);
            }

            var locked = target.Invitation!.CodeAttempts >= Options.MaxCodeAttempts;
            var matches = InvitationSecrets.CodeMatches(key.Code!, snapshot!.InvitationSecrets.GetValueOrDefault(target.Id) ?? InvitationSecrets.Decoy);
            changes.Edit(snapshot).RecordCodeTry(target.Id, counts: !matches || locked);
            judgedFor = target.Id;
            return Result<CodeJudgement>.Ok(locked ? CodeJudgement.Locked : matches ? CodeJudgement.Right : CodeJudgement.Wrong);
        }, cancellationToken).ConfigureAwait(false);

        if (!judged.TryGetValue(out var judgement))
        {
            return judged.Code;
        }

        switch (judgement)
        {
            case CodeJudgement.Right:
                return TeamAccessErrorCode.None;
            case CodeJudgement.Wrong:
                _logger.LogWarning("TeamAccess refused a wrong invitation code for membership {MembershipId}", judgedFor);
                return TeamAccessErrorCode.InvalidToken;
            case CodeJudgement.Locked:
                _logger.LogWarning("TeamAccess refused an invitation code for membership {MembershipId} unjudged: its code is locked after too many wrong tries", judgedFor);
                return TeamAccessErrorCode.InvalidToken;
            default:
                return TeamAccessErrorCode.InvalidToken;
        }
    }

    private enum CodeJudgement
    {
        NoInvitation = 0,
        Wrong = 1,
        Right = 2,
        Locked = 3,
    }
}
