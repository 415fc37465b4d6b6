using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Accounts;

/// <summary>
/// Sign-in through an external identity provider: the membership a provider's token opens in a team, linking the
/// identity to a user on its first sign-in and joining the team just in time when the team's SSO policy allows it.
/// </summary>
internal sealed class ExternalSignIn(
    IUserStore users,
    TeamWriter writer,
    ExternalIdentities identities,
    IdentityProviderRegistry providers,
    ITeamSignInPolicyProvider policies,
    TeamProviderDirectory teamProviders,
    ILogger<ExternalSignIn>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ExternalSignIn>.Instance;

    /// <summary>
    /// Validates the provider's token, then finds (or makes) the membership its identity signs in to; with it, whether
    /// the token says the person proved several factors at the provider (<see cref="ExternalIdentity.ProvedMultipleFactors"/>).
    /// </summary>
    public async ValueTask<(Result<StoredMembership> Membership, bool ProvedMultipleFactors)> SignInAsync(TeamSnapshot team, TokenCredential token, CancellationToken cancellationToken)
    {
        var identity = await identities.ValidateAsync(token, cancellationToken, team).ConfigureAwait(false);
        return identity.TryGetValue(out var proven)
            ? (await MembershipAsync(team, proven, cancellationToken).ConfigureAwait(false), proven.ProvedMultipleFactors)
            : (Result<StoredMembership>.Failed(identity.Error!), false);
    }

    /// <summary>
    /// The membership an external identity signs in to. The identity names its user by (issuer, subject); the first
    /// sign-in links it to the user with the same email only when the provider marks that email verified and the host
    /// marked the provider authoritative for the email's domain (otherwise the provider's word could pick anybody's
    /// account). A user with no membership joins just in time when the team's policy allows it: the team's SSO provider,
    /// a verified email in the team's verified domain (verified by the host, again at each join), a just-in-time role, and
    /// no removed membership of that user or address. Links and joins are committed and audited.
    /// </summary>
    private async ValueTask<Result<StoredMembership>> MembershipAsync(TeamSnapshot loaded, ExternalIdentity identity, CancellationToken cancellationToken)
    {
        var linked = await identities.FindUserAsync(identity, cancellationToken).ConfigureAwait(false);
        if (linked is not null && ActiveMembership.Of(loaded, linked.Id) is { Succeeded: true } ready)
        {
            return ready;
        }

        var email = ExternalIdentities.VerifiedEmailOf(identity);
        if (linked is null && email is null)
        {
            return Result<StoredMembership>.Failed(identity.Email is null ? TeamAccessErrorCode.NotFound : TeamAccessErrorCode.EmailNotVerified);
        }

        return await writer.RunAsync(linked?.Id, "ExternalSignIn", async (changes, ct) =>
        {
            var user = linked ?? await users.FindByEmailAsync(email!, ct).ConfigureAwait(false);
            if (linked is null && user is not null && !TeamProviderDirectory.IsAuthoritative(loaded, providers, identity.Provider, email!))
            {
                // The provider's email does not prove an address of this domain: it must not pick an existing account.
                // Answered as an unknown person, so the answer tells nothing about which addresses have accounts.
                return Result<StoredMembership>.Failed(TeamAccessErrorCode.NotFound);
            }

            if (linked is null && user is { EmailConfirmed: false })
            {
                // The provider proves the address that an unconfirmed account only claimed: that claim ends here.
                user = await ClaimUnconfirmedAsync(changes, user, ct).ConfigureAwait(false);
            }

            var stored = await writer.Teams.LoadAsync(loaded.Id, ct).ConfigureAwait(false);
            if (stored is null)
            {
                return Result<StoredMembership>.Failed(TeamAccessErrorCode.NotFound);
            }

            // The team as this write has it (a claimed account's stamps were just replaced).
            var aggregate = changes.Edit(stored);
            var team = aggregate.Current;

            var current = await policies.GetAsync(team.Id, ct).ConfigureAwait(false);
            var joinsJustInTime = await JustInTimeRoleAsync(team, current, identity, email, user, ct).ConfigureAwait(false);
            if (user is null)
            {
                if (joinsJustInTime is null)
                {
                    return Result<StoredMembership>.Failed(TeamAccessErrorCode.NotFound);
                }

                // The team's SSO proved an address of the domain the host verified for the team.
                user = new StoredUser(UserId.New(), email!, email!.Split('@')[0], "-", changes.Now) { EmailConfirmed = true };
                changes.CreateUser(user);
            }

            if (linked is null)
            {
                ExternalIdentities.Link(changes, identity, user.Id);
            }

            var held = ActiveMembership.Of(team, user.Id);
            if (held.Succeeded || held.Code != TeamAccessErrorCode.NotFound || joinsJustInTime is null)
            {
                return held;
            }

            return aggregate.JoinJustInTime(user, joinsJustInTime);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends an unconfirmed account's hold on an address that an authoritative provider has just proven for somebody: the
    /// password and the pending activation go, every session of its memberships ends (their stamps are replaced), and the
    /// address counts as confirmed for the identity about to be linked.
    /// </summary>
    private async ValueTask<StoredUser> ClaimUnconfirmedAsync(ChangeSetBuilder changes, StoredUser user, CancellationToken cancellationToken)
    {
        var claimed = user with
        {
            EmailConfirmed = true,
            PasswordHash = null,
            EmailConfirmationHash = null,
            EmailConfirmationExpiresAt = null,
            FailedSignInCount = 0,
            LockoutEnd = null,
        };
        changes.UpdateUser(user, claimed, AuditActions.UserEmailClaimed);
        foreach (var teamId in await writer.Teams.ListTeamIdsForUserToEndAsync(user.Id, cancellationToken).ConfigureAwait(false))
        {
            var snapshot = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
            if (snapshot?.FindCurrentMembership(user.Id) is { } membership)
            {
                changes.Edit(snapshot).EndSessions(membership.Id);
            }
        }

        _logger.UnconfirmedPasswordEnded(user.Id);
        return claimed;
    }

    /// <summary>
    /// The role of a just-in-time join, if the policy allows one. A person the team removed does not come back this way:
    /// any Removed membership of the team that names the user, the user's address or the token's address refuses it.
    /// </summary>
    private async ValueTask<Role?> JustInTimeRoleAsync(TeamSnapshot team, TeamSignInPolicy policy, ExternalIdentity identity, string? email, StoredUser? user, CancellationToken cancellationToken)
    {
        if (email is null || user is { EmailConfirmed: false } || policy.VerifiedDomain is not { } domain || policy.JustInTimeRole is not { } roleName
            || !string.Equals(identity.Provider, policy.SsoProvider, StringComparison.Ordinal) || team.Team.Status != TeamStatus.Active
            || !string.Equals(Domains.Of(email), domain, StringComparison.Ordinal) || !writer.Roles.ForTeam(team).TryGet(roleName, out var role) || role.IsGuardian
            || team.Memberships.Values.Any(m => m.Status == MembershipStatus.Removed
                && ((user is not null && (m.UserId == user.Id || string.Equals(m.Email, user.Email, StringComparison.Ordinal)))
                    || string.Equals(m.Email, email, StringComparison.Ordinal))))
        {
            return null;
        }

        // The stored policy may predate the host's verification, or the host may have withdrawn it since.
        return await teamProviders.IsDomainVerifiedAsync(team.Id, domain, policy, cancellationToken).ConfigureAwait(false) ? role : null;
    }
}
