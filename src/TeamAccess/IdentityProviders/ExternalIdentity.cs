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
public sealed record ExternalIdentity(string Provider, string Issuer, string Subject, string? Email, bool EmailVerified);

/// <summary>How a team lets people in (DESIGN.md invariants 9 and 10).</summary>
/// <param name="RequiresSso">Whether the team accepts only its single sign-on provider: no password sign-in, invitations accepted through that provider.</param>
/// <param name="SsoProvider">The name of the team's single sign-on provider, when it has one.</param>
public sealed record TeamSignInPolicy(bool RequiresSso, string? SsoProvider)
{
    /// <summary>Gets the policy of a team without single sign-on: native passwords and any provider are welcome.</summary>
    public static TeamSignInPolicy Open { get; } = new(false, null);
}

/// <summary>
/// Tells a team's sign-in policy. The default answers <see cref="TeamSignInPolicy.Open"/> for every team; a host (or the
/// sign-in package) registers its own to require a team's single sign-on.
/// </summary>
public interface ITeamSignInPolicyProvider
{
    /// <summary>Gets the team's sign-in policy.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The policy.</returns>
    ValueTask<TeamSignInPolicy> GetAsync(TeamId teamId, CancellationToken cancellationToken);
}

/// <summary>The default policy provider: every team is open.</summary>
internal sealed class OpenTeamSignInPolicyProvider : ITeamSignInPolicyProvider
{
    public ValueTask<TeamSignInPolicy> GetAsync(TeamId teamId, CancellationToken cancellationToken) => ValueTask.FromResult(TeamSignInPolicy.Open);
}
