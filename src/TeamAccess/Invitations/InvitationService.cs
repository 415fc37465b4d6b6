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
        var decided = await writer.RunOnTeamAsync(actor, teamId, Permissions.MembersInvite, "Invite", (team, who) =>
        {
            // Built afresh on every attempt: only the attempt that commits sends its messages.
            var outcomes = new List<InviteOutcome>(request.Addresses.Count);
            var messages = new List<InvitationMessage>();
            var mayGive = who.MayGive(role);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var now = writer.Time.GetUtcNow();
            var budget = SendBudget.Of(team.Current, now);
            foreach (var address in request.Addresses)
            {
                if (!EmailAddress.TryNormalize(address, out var email))
                {
                    outcomes.Add(new InviteOutcome(address ?? string.Empty, InviteOutcomeKind.InvalidEmail, TeamAccessErrorCode.InvalidEmail, null, null, null));
                    continue;
                }

                if (!mayGive.Succeeded)
                {
                    outcomes.Add(new InviteOutcome(address, InviteOutcomeKind.Refused, mayGive.Code, email, null, null));
                    continue;
                }

                var existing = team.Current.FindCurrentMembershipByEmail(email);
                if (existing is not null && existing.Status == MembershipStatus.Invited && IsPastExpiry(existing, now))
                {
                    // An expired invitation gives way: it is closed as Expired and the address is invited anew.
                    MembershipChanges.Fire(team, existing, MembershipLifecycle.Trigger.Expire, AuditActions.InvitationExpired, Roles);
                    existing = null;
                }

                if (!seen.Add(email) || existing?.Status == MembershipStatus.Invited)
                {
                    outcomes.Add(new InviteOutcome(address, InviteOutcomeKind.AlreadyInvited, TeamAccessErrorCode.AlreadyInvited, email, null, null));
                    continue;
                }

                if (existing is not null)
                {
                    outcomes.Add(new InviteOutcome(address, InviteOutcomeKind.AlreadyMember, TeamAccessErrorCode.AlreadyMember, email, null, null));
                    continue;
                }

                if (!budget.TrySpend(email, now, Options))
                {
                    outcomes.Add(new InviteOutcome(address, InviteOutcomeKind.Refused, TeamAccessErrorCode.RateLimited, email, null, null));
                    continue;
                }

                var invitation = new Invitation(now + lifetime, now, 1, lifetime);
                var membership = new Membership(MembershipId.New(), teamId, null, email, role.Name, MembershipStatus.Invited, now)
                {
                    CreatedBy = actor,
                    Invitation = invitation,
                };
                var issued = InvitationSecrets.Issue(teamId, membership.Id);
                team.PutMembership(membership, AuditActions.MembershipInvited);
                team.PutInvitationSecret(membership.Id, issued.Secret);
                messages.Add(Message(team.Current.Team, membership, inviter, issued, isResend: false));
                outcomes.Add(new InviteOutcome(address, InviteOutcomeKind.Invited, TeamAccessErrorCode.None, email, membership.Id, invitation.ExpiresAt));
            }

            return Result<(List<InviteOutcome> Outcomes, List<InvitationMessage> Messages)>.Ok((outcomes, messages));
        }, cancellationToken).ConfigureAwait(false);

        if (!decided.TryGetValue(out var batch))
        {
            return Result<InviteBatchResult>.Failed(decided.Error!);
        }

        var delivered = new HashSet<MembershipId>();
        foreach (var message in batch.Messages)
        {
            if (await SendAsync(message, cancellationToken).ConfigureAwait(false))
            {
                delivered.Add(message.MembershipId);
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
        var decided = await writer.RunOnTeamAsync(actor, teamId, Permissions.MembersInvite, "ResendInvitation", (team, who) =>
        {
            var target = FindInvited(team.Current, membershipId, who, out var refusal);
            if (target?.Invitation is not { } invitation)
            {
                return Result<(InvitationView, InvitationMessage)>.Failed(refusal);
            }

            var now = writer.Time.GetUtcNow();
            if (now < invitation.LastSentAt + Options.ResendCooldown || !SendBudget.Of(team.Current, now).TrySpend(target.Email, now, Options))
            {
                return Result<(InvitationView, InvitationMessage)>.Failed(TeamAccessErrorCode.RateLimited);
            }

            var lifecycle = Guardians.LifecycleOf(team.Current, target, Roles);
            var fired = lifecycle.TryFire(MembershipLifecycle.Trigger.Resend);
            if (!fired.Succeeded)
            {
                return Result<(InvitationView, InvitationMessage)>.Failed(fired.Error);
            }

            var renewed = invitation with
            {
                ExpiresAt = now + invitation.Lifetime,
                LastSentAt = now,
                SendCount = invitation.SendCount + 1,
                CodeAttempts = 0,
            };
            var issued = InvitationSecrets.Issue(teamId, target.Id);
            var saved = MembershipChanges.Save(team, target with { Invitation = renewed }, AuditActions.InvitationResent).Value!;
            team.PutInvitationSecret(target.Id, issued.Secret);
            return Result<(InvitationView, InvitationMessage)>.Ok((View(saved, now), Message(team.Current.Team, saved, inviter, issued, isResend: true)));
        }, cancellationToken).ConfigureAwait(false);

        if (!decided.TryGetValue(out var resent))
        {
            return Result<InvitationView>.Failed(decided.Error!);
        }

        await SendAsync(resent.Item2, cancellationToken).ConfigureAwait(false);
        return Result<InvitationView>.Ok(resent.Item1);
    }

    public async ValueTask<Result> RevokeAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        await writer.RunOnTeamAsync(actor, teamId, Permissions.MembersInvite, "RevokeInvitation", (team, who) =>
        {
            var target = FindInvited(team.Current, membershipId, who, out var refusal);
            return target is null
                ? Result<Membership>.Failed(refusal)
                : MembershipChanges.Fire(team, target, MembershipLifecycle.Trigger.Revoke, AuditActions.InvitationRevoked, Roles);
        }, cancellationToken).ConfigureAwait(false);

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
            return Result<InvitationPreview>.Ok(new InvitationPreview(t.Id, t.Name, t.Handle, target.Email, target.Role, StatusOf(target, now), target.Invitation!.ExpiresAt, policy.RequiresSso));
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

            return Accept(team, target, user.Id);
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
                var settled = fresh?.Memberships.GetValueOrDefault(target.Id) is { } now ? StateRefusal(fresh, now, team.Now) : TeamAccessErrorCode.None;
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

            var accepted = Accept(team, target, userId);
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
            var declined = target with { Invitation = target.Invitation! with { DeclinedAt = team.Now } };
            return ValueTask.FromResult(MembershipChanges.Fire(team.Editor, declined, MembershipLifecycle.Trigger.Decline, AuditActions.InvitationDeclined, Roles));
        }, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsPastExpiry(Membership membership, DateTimeOffset now) =>
        membership.Invitation is { } invitation && now >= invitation.ExpiresAt;

    private static InvitationStatus StatusOf(Membership membership, DateTimeOffset now) => membership switch
    {
        { Invitation.AcceptedAt: not null } => InvitationStatus.Accepted,
        { Invitation.DeclinedAt: not null } => InvitationStatus.Declined,
        { Status: MembershipStatus.Removed } => InvitationStatus.Revoked,
        { Status: MembershipStatus.Expired } => InvitationStatus.Expired,
        _ when IsPastExpiry(membership, now) => InvitationStatus.Expired,
        _ => InvitationStatus.Pending,
    };

    private static InvitationView View(Membership m, DateTimeOffset now) =>
        new(m.Id, m.Email, m.Role, StatusOf(m, now), m.CreatedBy, m.CreatedAt, m.Invitation!.LastSentAt, m.Invitation.SendCount, m.Invitation.ExpiresAt);

    private static InvitationMessage Message(Team team, Membership membership, User? inviter, InvitationSecrets.Issued issued, bool isResend) =>
        new(membership.Email, team.Id, team.Name, team.Handle, inviter?.Email, membership.Role, issued.Token, issued.Code, membership.Invitation!.ExpiresAt, membership.Id, isResend);

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
    private async ValueTask<TeamAccessErrorCode> LinkAsync(KeyedTeam team, ExternalIdentity identity, UserId userId, CancellationToken cancellationToken)
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

    /// <summary>Only a pending invitation of the team, for a role the actor may manage and give, can be resent or revoked.</summary>
    private Membership? FindInvited(TeamSnapshot team, MembershipId membershipId, Actor who, out TeamAccessError refusal)
    {
        refusal = new TeamAccessError(TeamAccessErrorCode.NotFound, ErrorMessages.For(TeamAccessErrorCode.NotFound));
        if (!team.Memberships.TryGetValue(membershipId, out var target) || target.Status.IsTerminal() || target.Invitation is null)
        {
            return null;
        }

        if (target.Status != MembershipStatus.Invited)
        {
            refusal = new TeamAccessError(TeamAccessErrorCode.InvalidTransition, ErrorMessages.For(TeamAccessErrorCode.InvalidTransition));
            return null;
        }

        var allowed = who.MayManage(target, Roles);
        if (allowed.Succeeded && Roles.TryGet(target.Role, out var role))
        {
            allowed = who.MayGive(role);
        }

        if (!allowed.Succeeded)
        {
            refusal = allowed.Error;
            return null;
        }

        return target;
    }

    /// <summary>
    /// Invited to Active with the invited role, if the inviter still holds the right to give that role (invariant 15)
    /// and the user has no other current membership in the team.
    /// </summary>
    private Result<Membership> Accept(KeyedTeam team, Membership target, UserId userId)
    {
        var snapshot = team.Current;
        if (snapshot.FindCurrentMembership(userId) is { } other && other.Id != target.Id)
        {
            return Result<Membership>.Failed(TeamAccessErrorCode.AlreadyMember);
        }

        if (!InviterMayStillGive(snapshot, target))
        {
            return Result<Membership>.Failed(TeamAccessErrorCode.InviterLostRight);
        }

        var accepted = target with { UserId = userId, Invitation = target.Invitation! with { AcceptedAt = team.Now } };
        return MembershipChanges.Fire(team.Editor, accepted, MembershipLifecycle.Trigger.Accept, AuditActions.InvitationAccepted, Roles);
    }

    private bool InviterMayStillGive(TeamSnapshot snapshot, Membership target)
    {
        if (target.CreatedBy is not { } inviterId || !Roles.TryGet(target.Role, out var role))
        {
            return false;
        }

        return Actor.Authorize(snapshot, inviterId, Permissions.MembersInvite, Roles, out var inviter).Succeeded && inviter.MayGive(role).Succeeded;
    }

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
        Func<KeyedTeam, Membership, CancellationToken, ValueTask<Result<T>>> decide,
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

                var team = new KeyedTeam(changes, changes.Edit(snapshot));
                var located = Locate(team, key);
                if (!located.TryGetValue(out var target))
                {
                    return Result<Result<T>>.Ok(Result<T>.Failed(located.Error!));
                }

                var state = StateRefusal(snapshot, target, team.Now);
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

    private Result<Membership> Locate(KeyedTeam team, InvitationKey key)
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
            var tried = target with { Invitation = target.Invitation with { CodeAttempts = target.Invitation.CodeAttempts + (matches && !locked ? 0 : 1) } };
            changes.Edit(snapshot).PutMembership(tried, AuditActions.InvitationCodeTried);
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

    private static TeamAccessErrorCode StateRefusal(TeamSnapshot snapshot, Membership target, DateTimeOffset now)
    {
        if (snapshot.Team.Status == TeamStatus.Deleted)
        {
            return TeamAccessErrorCode.TeamDeleted;
        }

        return StatusOf(target, now) switch
        {
            InvitationStatus.Accepted => TeamAccessErrorCode.InvitationAlreadyAccepted,
            InvitationStatus.Declined => TeamAccessErrorCode.InvitationDeclined,
            InvitationStatus.Revoked => TeamAccessErrorCode.InvitationRevoked,
            InvitationStatus.Expired => TeamAccessErrorCode.InvitationExpired,
            _ => TeamAccessErrorCode.None,
        };
    }

    /// <summary>The team being decided on in a keyed write, with the operation's change set.</summary>
    private sealed class KeyedTeam(ChangeSetBuilder owner, TeamEditor editor)
    {
        public ChangeSetBuilder Owner { get; } = owner;

        public TeamEditor Editor { get; } = editor;

        public TeamSnapshot Current => Editor.Current;

        public TeamId Id => Editor.Id;

        public DateTimeOffset Now => Owner.Now;

        public static implicit operator TeamEditor(KeyedTeam team) => team.Editor;
    }
}

/// <summary>
/// What a team has sent within the last day, read from its invitations (revoked, declined and expired ones included):
/// per address the messages and the latest send, and the team's total. An invitation last sent within the day counts
/// all its sends, so the budget errs on the side of sending less.
/// </summary>
internal sealed class SendBudget
{
    private readonly Dictionary<string, (int Sent, DateTimeOffset Last)> _byAddress = new(StringComparer.Ordinal);
    private int _teamSent;

    public static SendBudget Of(TeamSnapshot team, DateTimeOffset now)
    {
        var budget = new SendBudget();
        var since = now - TimeSpan.FromDays(1);
        foreach (var membership in team.Memberships.Values)
        {
            if (membership.Invitation is { } invitation && invitation.LastSentAt > since)
            {
                budget._teamSent += invitation.SendCount;
                var (sent, last) = budget._byAddress.GetValueOrDefault(membership.Email);
                budget._byAddress[membership.Email] = (sent + invitation.SendCount, invitation.LastSentAt > last ? invitation.LastSentAt : last);
            }
        }

        return budget;
    }

    /// <summary>Whether one more message may go to the address now; if so, it is counted.</summary>
    public bool TrySpend(string email, DateTimeOffset now, InvitationOptions options)
    {
        var (sent, last) = _byAddress.GetValueOrDefault(email);
        if ((sent > 0 && now < last + options.ResendCooldown) || sent >= options.MaxMessagesPerAddressPerDay || _teamSent >= options.MaxMessagesPerTeamPerDay)
        {
            return false;
        }

        _byAddress[email] = (sent + 1, now);
        _teamSent++;
        return true;
    }
}
