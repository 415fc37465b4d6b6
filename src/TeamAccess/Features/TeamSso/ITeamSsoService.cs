namespace TeamAccess.TeamSso;

/// <summary>
/// A team's own single sign-on, configured at run time by its guardian (whoever holds <c>team.sign-in-policy</c>): OpenID
/// Connect providers bound to that team alone, and email domains the team proves by a DNS TXT record. A provider is
/// added as a draft, tested, activated, suspended and deleted; the team's sign-in policy names it by
/// <see cref="TeamProviderView.Name"/> (<see cref="TeamAccess.Teams.ITeamService.SetSignInPolicyAsync"/>). Only domains
/// verified here enable just-in-time joining and email linking for the team's own providers. Every change is audited and
/// emitted as an event, and reaches every instance through the change feed.
/// </summary>
public interface ITeamSsoService
{
    /// <summary>Lists the team's providers.</summary>
    /// <param name="actor">The acting user; needs <c>team.sign-in-policy</c>.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The providers, or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<TeamProviderView>>> ListProvidersAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>Adds a provider as a draft; its issuer must pass the host's checks (HTTPS, allow and deny lists, public addresses).</summary>
    /// <param name="actor">The acting user; needs <c>team.sign-in-policy</c>.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="request">The settings, with the client secret.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The provider, or NotFound, PermissionDenied, TeamSsoDisabled, InvalidTeamProvider, IssuerNotAllowed, TeamProviderLimitReached, SecretProtectorMissing.</returns>
    ValueTask<Result<TeamProviderView>> AddProviderAsync(UserId actor, TeamId teamId, TeamProviderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes a provider's settings (a <see langword="null"/> client secret keeps the stored one); its state stays.</summary>
    /// <param name="actor">The acting user; needs <c>team.sign-in-policy</c>.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="providerId">The provider.</param>
    /// <param name="request">The new settings.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The provider, or the codes of <see cref="AddProviderAsync"/>.</returns>
    ValueTask<Result<TeamProviderView>> UpdateProviderAsync(UserId actor, TeamId teamId, TeamProviderId providerId, TeamProviderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Tests settings without saving them: the issuer's discovery document and its keys are fetched and checked.</summary>
    /// <param name="actor">The acting user; needs <c>team.sign-in-policy</c>.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="request">The settings to test (the client secret is not needed).</param>
    /// <param name="cancellationToken">Cancels the test.</param>
    /// <returns>Success, or PermissionDenied, TeamSsoDisabled, InvalidTeamProvider, IssuerNotAllowed, IssuerMismatch, DiscoveryFailed.</returns>
    ValueTask<Result> TestProviderAsync(UserId actor, TeamId teamId, TeamProviderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Activates a draft or suspended provider after a successful discovery (its endpoints are stored with it).</summary>
    /// <param name="actor">The acting user; needs <c>team.sign-in-policy</c>.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="providerId">The provider.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The provider, or NotFound, PermissionDenied, TeamSsoDisabled, IssuerNotAllowed, IssuerMismatch, DiscoveryFailed.</returns>
    ValueTask<Result<TeamProviderView>> ActivateProviderAsync(UserId actor, TeamId teamId, TeamProviderId providerId, CancellationToken cancellationToken = default);

    /// <summary>Suspends an active provider: it signs nobody in, and the sessions it issued end within the change feed's bound.</summary>
    /// <param name="actor">The acting user; needs <c>team.sign-in-policy</c>.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="providerId">The provider.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The provider, or NotFound, PermissionDenied, TeamProviderStateConflict (a draft).</returns>
    ValueTask<Result<TeamProviderView>> SuspendProviderAsync(UserId actor, TeamId teamId, TeamProviderId providerId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a draft or suspended provider that the team's sign-in policy does not name.</summary>
    /// <param name="actor">The acting user; needs <c>team.sign-in-policy</c>.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="providerId">The provider.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Success, or NotFound, PermissionDenied, TeamProviderStateConflict (active), TeamProviderInUse.</returns>
    ValueTask<Result> DeleteProviderAsync(UserId actor, TeamId teamId, TeamProviderId providerId, CancellationToken cancellationToken = default);

    /// <summary>Lists the team's domain claims.</summary>
    /// <param name="actor">The acting user; needs <c>team.sign-in-policy</c>.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The claims, or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<TeamDomainView>>> ListDomainsAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>Claims a domain: the claim is pending until the TXT record <see cref="TeamDomainView.TxtRecord"/> is found.</summary>
    /// <param name="actor">The acting user; needs <c>team.sign-in-policy</c>.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="domain">The domain, such as <c>acme.example</c> (trimmed and lower-cased).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The claim, or NotFound, PermissionDenied, TeamSsoDisabled, InvalidHandle (not a domain), DomainAlreadyClaimed.</returns>
    ValueTask<Result<TeamDomainView>> ClaimDomainAsync(UserId actor, TeamId teamId, string domain, CancellationToken cancellationToken = default);

    /// <summary>Checks a claim's TXT record now (the background loop does so on the host's schedule) and records what it found.</summary>
    /// <param name="actor">The acting user; needs <c>team.sign-in-policy</c>.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="domainId">The claim.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The claim in its new state, or NotFound, PermissionDenied, DomainVerifiedElsewhere, DomainCheckUnavailable.</returns>
    ValueTask<Result<TeamDomainView>> CheckDomainAsync(UserId actor, TeamId teamId, TeamDomainId domainId, CancellationToken cancellationToken = default);

    /// <summary>Releases a claim, in any state.</summary>
    /// <param name="actor">The acting user; needs <c>team.sign-in-policy</c>.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="domainId">The claim.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Success, or NotFound, PermissionDenied.</returns>
    ValueTask<Result> RemoveDomainAsync(UserId actor, TeamId teamId, TeamDomainId domainId, CancellationToken cancellationToken = default);
}
