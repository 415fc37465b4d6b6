using TeamAccess.Accounts;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Invitations;

/// <summary>
/// The invited person's side of invitations: look at one, accept it (as a signed-in user, or with a new account), or
/// decline it, each keyed by the link token or the team handle, address and short code the message carried
/// (<see cref="KeyedInvitationWriter"/>). A team that requires its SSO is joined only with an identity from its provider
/// that proves the invited address (<see cref="ExternalIdentities"/>).
/// </summary>
internal sealed class InviteeInvitations(
    IUserStore users,
    TeamWriter writer,
    KeyedInvitationWriter keyed,
    ExternalIdentities identities,
    ITeamSignInPolicyProvider policies,
    IdentityProviderRegistry providers,
    PasswordPolicy passwordPolicy,
    PasswordHasher passwordHasher)
{
    public async ValueTask<Result<InvitationPreview>> PeekAsync(InvitationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await keyed.RunAsync(null, key, "PeekInvitation", allowSettled: true, async (team, target, ct) =>
        {
            var policy = await policies.GetAsync(team.Id, ct).ConfigureAwait(false);
            var now = writer.Time.GetUtcNow();
            var t = team.Current.Team;
            return Result<InvitationPreview>.Ok(new InvitationPreview(t.Id, t.Name, t.Handle, target.Email, target.Role, TeamAggregate.InvitationStatusOf(target, now), target.Invitation!.ExpiresAt, policy.RequiresSso));
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result<StoredMembership>> AcceptAsync(UserId userId, InvitationKey key, SignInCredential? credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var user = await users.FindByIdAsync(userId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return Result<StoredMembership>.Failed(TeamAccessErrorCode.NotFound);
        }

        var proven = await identities.ProveAsync(credential, cancellationToken).ConfigureAwait(false);
        if (!proven.Succeeded)
        {
            return Result<StoredMembership>.Failed(proven.Error);
        }

        var identity = proven.Value;

        return await keyed.RunAsync(userId, key, "AcceptInvitation", allowSettled: false, async (team, target, ct) =>
        {
            if (!string.Equals(user.Email, target.Email, StringComparison.Ordinal))
            {
                return Result<StoredMembership>.Failed(TeamAccessErrorCode.EmailMismatch);
            }

            var policy = await policies.GetAsync(team.Id, ct).ConfigureAwait(false);
            if (policy.RequiresSso && !ProvesInvitedEmail(identity, policy, target.Email))
            {
                return Result<StoredMembership>.Failed(TeamAccessErrorCode.SsoRequired);
            }

            var linked = policy.RequiresSso ? await identities.LinkAsync(team.Owner, identity!, user.Id, ct).ConfigureAwait(false) : TeamAccessErrorCode.None;
            if (linked is not TeamAccessErrorCode.None)
            {
                return Result<StoredMembership>.Failed(linked);
            }

            // The invitation's secret reached the address: that proves it.
            if (await users.FindByIdAsync(user.Id, ct).ConfigureAwait(false) is { EmailConfirmed: false } unconfirmed)
            {
                team.Owner.UpdateUser(unconfirmed, unconfirmed with { EmailConfirmed = true, EmailConfirmationHash = null, EmailConfirmationExpiresAt = null }, AuditActions.UserEmailConfirmed);
            }

            return team.Accept(target.Id, user.Id);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result<AcceptResult>> AcceptWithNewAccountAsync(InvitationKey key, NewAccount account, CancellationToken cancellationToken)
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

        var proven = await identities.ProveAsync(account.Credential, cancellationToken).ConfigureAwait(false);
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
        return await keyed.RunAsync(userId, key, "AcceptInvitationWithNewAccount", allowSettled: false, async (team, target, ct) =>
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
            var user = new StoredUser(userId, target.Email, first, last, team.Now) { PasswordHash = passwordHash, EmailConfirmed = true };
            team.Owner.CreateUser(user);
            var linked = identity is null ? TeamAccessErrorCode.None : await identities.LinkAsync(team.Owner, identity, userId, ct).ConfigureAwait(false);
            if (linked is not TeamAccessErrorCode.None)
            {
                return Result<AcceptResult>.Failed(linked);
            }

            var accepted = team.Accept(target.Id, userId);
            return accepted.TryGetValue(out var membership)
                ? Result<AcceptResult>.Ok(new AcceptResult(user.ToView(), membership.ToView()))
                : Result<AcceptResult>.Failed(accepted.Error!);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result> DeclineAsync(InvitationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await keyed.RunAsync(null, key, "DeclineInvitation", allowSettled: false, (team, target, _) =>
        {
            return ValueTask.FromResult(team.Decline(target.Id));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An identity proves the invited address only when it comes from the team's provider and its email is verified and equal.</summary>
    private static bool ProvesInvitedEmail(ExternalIdentity? identity, TeamSignInPolicy policy, string invitedEmail) =>
        identity is not null
        && (!policy.RequiresSso || string.Equals(identity.Provider, policy.SsoProvider, StringComparison.Ordinal))
        && string.Equals(ExternalIdentities.VerifiedEmailOf(identity), invitedEmail, StringComparison.Ordinal);
}
