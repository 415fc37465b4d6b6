using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Accounts;

/// <summary>
/// Proves external identities and ties them to users, for both ways in: an invitation accepted with a provider's token
/// and a sign-in through a provider. A user is named by the identity's (issuer, subject), never by its email.
/// </summary>
internal sealed class ExternalIdentities(IUserStore users, IdentityProviderRegistry providers, TeamProviderDirectory teamProviders)
{
    /// <summary>Validates a provider's token (a password credential proves no external identity); <see langword="null"/> when none was given.</summary>
    public async ValueTask<Result<ExternalIdentity?>> ProveAsync(SignInCredential? credential, CancellationToken cancellationToken)
    {
        if (credential is not TokenCredential token)
        {
            return Result<ExternalIdentity?>.Ok(null);
        }

        var proven = await ValidateAsync(token, cancellationToken).ConfigureAwait(false);
        return proven.TryGetValue(out var identity) ? Result<ExternalIdentity?>.Ok(identity) : Result<ExternalIdentity?>.Failed(proven.Error!);
    }

    /// <summary>
    /// Validates a provider's token with the provider it names (<see cref="TeamAccessErrorCode.UnknownProvider"/> when none
    /// takes tokens by that name): a host-registered one, or an active provider of <paramref name="team"/> itself (another
    /// team's provider is not found there).
    /// </summary>
    public async ValueTask<Result<ExternalIdentity>> ValidateAsync(TokenCredential token, CancellationToken cancellationToken, TeamSnapshot? team = null)
    {
        var provider = providers.TryGet(token.Provider, out var registered) ? registered
            : team is null ? null
            : teamProviders.FindActive(team, token.Provider);
        if (provider is null)
        {
            // "password" is registered, but not as a token provider.
            return Result<ExternalIdentity>.Failed(TeamAccessErrorCode.UnknownProvider);
        }

        return await provider.ValidateAsync(token.Token, token.Nonce, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The user the identity is linked to, if any.</summary>
    public ValueTask<StoredUser?> FindUserAsync(ExternalIdentity identity, CancellationToken cancellationToken) =>
        users.FindByLoginAsync(identity.Issuer, identity.Subject, cancellationToken);

    /// <summary>Records the link of the identity to the user in the write.</summary>
    public static void Link(IChangeLog changes, ExternalIdentity identity, UserId userId) =>
        changes.LinkLogin(new ExternalLogin(userId, identity.Provider, identity.Issuer, identity.Subject));

    /// <summary>Links the identity to the user, unless it already is; an identity of another user is refused.</summary>
    public async ValueTask<TeamAccessErrorCode> LinkAsync(IChangeLog changes, ExternalIdentity identity, UserId userId, CancellationToken cancellationToken)
    {
        var linked = await FindUserAsync(identity, cancellationToken).ConfigureAwait(false);
        if (linked is null)
        {
            Link(changes, identity, userId);
            return TeamAccessErrorCode.None;
        }

        return linked.Id == userId ? TeamAccessErrorCode.None : TeamAccessErrorCode.LoginAlreadyLinked;
    }

    /// <summary>The identity's email, normalized, when its provider marks it verified; otherwise <see langword="null"/>.</summary>
    public static string? VerifiedEmailOf(ExternalIdentity identity) =>
        identity.EmailVerified && EmailAddress.TryNormalize(identity.Email, out var email) ? email : null;
}
