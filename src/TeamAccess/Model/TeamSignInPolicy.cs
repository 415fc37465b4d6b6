namespace TeamAccess;

/// <summary>
/// How a team lets people in. A team that requires single sign-on accepts only its <see cref="SsoProvider"/>: password
/// sign-in to it is refused, and its invitations are accepted through that provider. Otherwise it accepts its SSO provider
/// and the providers in <see cref="AcceptedProviders"/>, or, when that list is empty, its SSO provider, the password
/// provider and every <see cref="IdentityProviderScope.Global"/> provider. A <see cref="IdentityProviderScope.TeamBound"/>
/// provider (another team's SSO) is accepted only by a team that names it.
/// </summary>
public sealed record TeamSignInPolicy
{
    /// <summary>Initializes a new instance of the <see cref="TeamSignInPolicy"/> record.</summary>
    /// <param name="requiresSso">Whether the team accepts only its single sign-on provider.</param>
    /// <param name="ssoProvider">The name of the team's single sign-on provider, when it has one.</param>
    public TeamSignInPolicy(bool requiresSso, string? ssoProvider)
    {
        RequiresSso = requiresSso;
        SsoProvider = ssoProvider;
    }

    /// <summary>Gets whether the team accepts only its single sign-on provider.</summary>
    public bool RequiresSso { get; init; }

    /// <summary>Gets the name of the team's single sign-on provider, when it has one.</summary>
    public string? SsoProvider { get; init; }

    private readonly IReadOnlyList<string> _acceptedProviders = [];

    /// <summary>Gets the policy of a team without single sign-on: native passwords and the host's global providers are welcome.</summary>
    public static TeamSignInPolicy Open { get; } = new(false, null);

    /// <summary>
    /// Gets the providers the team accepts besides its SSO provider; empty accepts the password provider and every global
    /// provider. Ignored when <see cref="RequiresSso"/>.
    /// </summary>
    public IReadOnlyList<string> AcceptedProviders
    {
        get => _acceptedProviders;
        init => _acceptedProviders = [.. (value ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Gets the email domain the team owns, such as <c>acme.example</c>: a user who signs in through the team's SSO
    /// provider with a verified email in it, and has no membership, joins in <see cref="JustInTimeRole"/> (just-in-time
    /// provisioning). The host verifies it (<see cref="TeamAccess.Accounts.IDomainVerifier"/>) when the policy is set and again at each join;
    /// a guardian's word does not.
    /// </summary>
    public string? VerifiedDomain { get; init; }

    /// <summary>Gets the role given to a user who joins just in time; <see langword="null"/> turns just-in-time joining off.</summary>
    public string? JustInTimeRole { get; init; }

    /// <summary>
    /// Gets whether a session for the team is issued only to a user who proved a second factor in this sign-in (an
    /// authenticator code or a recovery code). Switching into the team from a session without one answers
    /// <see cref="TeamAccessErrorCode.SecondFactorRequired"/> (a step-up, not a new password); a member who has no second
    /// factor yet is led to enrol (<see cref="TeamAccessErrorCode.SecondFactorEnrolmentRequired"/>), not locked out.
    /// </summary>
    public bool SecondFactorRequired { get; init; }

    /// <summary>
    /// Gets whether only a passkey counts as the team's second factor: a session for the team is issued only to a user who
    /// proved a passkey in this sign-in (<c>amr</c> <c>hwk</c> or <c>swk</c>), and others are answered
    /// <see cref="TeamAccessErrorCode.PasskeyRequired"/>. Implies <see cref="SecondFactorRequired"/>.
    /// </summary>
    public bool PasskeyRequired { get; init; }

    /// <summary>Gets whether the team requires a second factor of any kind, or a passkey.</summary>
    internal bool RequiresSecondFactor => SecondFactorRequired || PasskeyRequired;

    /// <summary>
    /// Tells whether the team accepts sessions signed in through <paramref name="provider"/>: a team that requires SSO
    /// only its SSO provider; otherwise its SSO provider and its accepted providers, or, when it lists none, also the
    /// password provider and global providers. A team-bound provider is accepted only when the team names it.
    /// </summary>
    /// <param name="provider">The provider's name (<see cref="IdentityProviderNames.Password"/> for passwords).</param>
    /// <param name="scope">Whom the provider serves; the password provider counts as global.</param>
    /// <returns><see langword="true"/> when the team accepts it.</returns>
    public bool Accepts(string provider, IdentityProviderScope scope)
    {
        // A team's own provider signs in only while it is active, whatever the policy names (deny by default).
        if (TeamProviderId.TryParseName(provider, out _) && !ActiveTeamProviders.Contains(provider))
        {
            return false;
        }

        if (RequiresSso || string.Equals(provider, SsoProvider, StringComparison.Ordinal))
        {
            return string.Equals(provider, SsoProvider, StringComparison.Ordinal);
        }

        return AcceptedProviders.Count == 0
            ? scope == IdentityProviderScope.Global || string.Equals(provider, IdentityProviderNames.Password, StringComparison.Ordinal)
            : AcceptedProviders.Contains(provider, StringComparer.Ordinal);
    }

    /// <summary>
    /// The names of the team's own providers that are active now, read from the team's snapshot with the policy (never
    /// stored with it, never compared): a team provider the policy names signs in only while it is here.
    /// </summary>
    internal System.Collections.Immutable.ImmutableHashSet<string> ActiveTeamProviders { get; init; } = System.Collections.Immutable.ImmutableHashSet<string>.Empty;

    /// <summary>Whether the policy names one of the team's own providers, whose states then need reading.</summary>
    internal bool NamesTeamProviders =>
        TeamProviderId.TryParseName(SsoProvider, out _) || AcceptedProviders.Any(p => TeamProviderId.TryParseName(p, out _));

    /// <inheritdoc />
    public bool Equals(TeamSignInPolicy? other) =>
        other is not null && RequiresSso == other.RequiresSso && SsoProvider == other.SsoProvider
        && VerifiedDomain == other.VerifiedDomain && JustInTimeRole == other.JustInTimeRole && SecondFactorRequired == other.SecondFactorRequired
        && PasskeyRequired == other.PasskeyRequired
        && AcceptedProviders.SequenceEqual(other.AcceptedProviders, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RequiresSso, SsoProvider, VerifiedDomain, JustInTimeRole, AcceptedProviders.Count, SecondFactorRequired, PasskeyRequired);
}
