namespace TeamAccess;

/// <summary>
/// An identity that an identity provider has already proven (an id_token validated against the provider's keys, issuer,
/// audience and lifetime). It links to a user by (<see cref="Issuer"/>, <see cref="Subject"/>), never by the email claim
/// alone (DESIGN.md invariant 16).
/// </summary>
/// <param name="Provider">The name under which the host registered the provider, such as <c>acme-sso</c>.</param>
/// <param name="Issuer">The token's issuer.</param>
/// <param name="Subject">The token's subject: the user's stable id at the provider.</param>
/// <param name="Email">The email claim, if any.</param>
/// <param name="EmailVerified">Whether the provider marks the email as verified.</param>
public sealed record ExternalIdentity(string Provider, string Issuer, string Subject, string? Email, bool EmailVerified)
{
    /// <summary>Gets whether the provider's verified email may link a first sign-in to an existing user (see <see cref="OidcProviderOptions.LinkByVerifiedEmail"/>).</summary>
    public bool MayLinkByEmail { get; init; } = true;
}

/// <summary>The names of the built-in identity providers.</summary>
public static class IdentityProviderNames
{
    /// <summary>The native password provider.</summary>
    public const string Password = "password";
}

/// <summary>
/// How a team lets people in (DESIGN.md invariants 9 and 10). A team that requires single sign-on accepts only its
/// <see cref="SsoProvider"/>: password sign-in to it is refused, and its invitations are accepted through that provider.
/// Otherwise it accepts the providers in <see cref="AcceptedProviders"/>, or every provider when that list is empty.
/// </summary>
/// <param name="RequiresSso">Whether the team accepts only its single sign-on provider.</param>
/// <param name="SsoProvider">The name of the team's single sign-on provider, when it has one.</param>
public sealed record TeamSignInPolicy(bool RequiresSso, string? SsoProvider)
{
    private readonly IReadOnlyList<string> _acceptedProviders = [];

    /// <summary>Gets the policy of a team without single sign-on: native passwords and any provider are welcome.</summary>
    public static TeamSignInPolicy Open { get; } = new(false, null);

    /// <summary>Gets the providers the team accepts besides its SSO provider; empty accepts every provider. Ignored when <see cref="RequiresSso"/>.</summary>
    public IReadOnlyList<string> AcceptedProviders
    {
        get => _acceptedProviders;
        init => _acceptedProviders = [.. (value ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Gets the email domain the team has verified, such as <c>acme.example</c>: a user who signs in through the team's SSO
    /// provider with a verified email in it, and has no membership, joins in <see cref="JustInTimeRole"/> (just-in-time provisioning).
    /// </summary>
    public string? VerifiedDomain { get; init; }

    /// <summary>Gets the role given to a user who joins just in time; <see langword="null"/> turns just-in-time joining off.</summary>
    public string? JustInTimeRole { get; init; }

    /// <summary>Tells whether the team accepts sessions signed in through <paramref name="provider"/>.</summary>
    /// <param name="provider">The provider's name (<see cref="IdentityProviderNames.Password"/> for passwords).</param>
    /// <returns><see langword="true"/> when the team accepts it.</returns>
    public bool Accepts(string provider) =>
        RequiresSso
            ? string.Equals(provider, SsoProvider, StringComparison.Ordinal)
            : AcceptedProviders.Count == 0 || AcceptedProviders.Contains(provider, StringComparer.Ordinal)
              || string.Equals(provider, SsoProvider, StringComparison.Ordinal);

    /// <inheritdoc />
    public bool Equals(TeamSignInPolicy? other) =>
        other is not null && RequiresSso == other.RequiresSso && SsoProvider == other.SsoProvider
        && VerifiedDomain == other.VerifiedDomain && JustInTimeRole == other.JustInTimeRole
        && AcceptedProviders.SequenceEqual(other.AcceptedProviders, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RequiresSso, SsoProvider, VerifiedDomain, JustInTimeRole, AcceptedProviders.Count);
}

/// <summary>
/// Tells a team's sign-in policy. The default reads the policy stored with the team (<see cref="Team.SignInPolicy"/>);
/// a host may register its own.
/// </summary>
public interface ITeamSignInPolicyProvider
{
    /// <summary>Gets the team's sign-in policy.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The policy; <see cref="TeamSignInPolicy.Open"/> for an unknown team.</returns>
    ValueTask<TeamSignInPolicy> GetAsync(TeamId teamId, CancellationToken cancellationToken);
}

/// <summary>The default policy provider: the policy stored with the team.</summary>
internal sealed class StoredTeamSignInPolicyProvider(ITeamStore teams) : ITeamSignInPolicyProvider
{
    public async ValueTask<TeamSignInPolicy> GetAsync(TeamId teamId, CancellationToken cancellationToken) =>
        (await teams.FindTeamAsync(teamId, cancellationToken).ConfigureAwait(false))?.SignInPolicy ?? TeamSignInPolicy.Open;
}
