using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.TeamSso;

/// <summary>
/// Validates the input, checks the issuer before anything is stored or fetched, protects the client secret, and calls
/// one verb of the team aggregate under <c>team.sign-in-policy</c>; discovery happens before the write, never inside it.
/// </summary>
internal sealed class TeamSsoService(
    TeamWriter writer,
    IssuerFetcher fetcher,
    TeamDomainChecker checker,
    IOptions<TeamAccessOptions> options,
    IServiceProvider services) : ITeamSsoService
{
    private const int MaxText = 1000;

    private TeamSsoOptions Options => options.Value.TeamSso;

    public ValueTask<Result<IReadOnlyList<TeamProviderView>>> ListProvidersAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default) =>
        ReadAsync(actor, teamId, team => (IReadOnlyList<TeamProviderView>)[.. team.Providers.Values.OrderBy(p => p.CreatedAt).Select(p => new TeamProviderView(p))], cancellationToken);

    public ValueTask<Result<IReadOnlyList<TeamDomainView>>> ListDomainsAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default) =>
        ReadAsync(actor, teamId, team => (IReadOnlyList<TeamDomainView>)[.. team.Domains.Values.OrderBy(d => d.Domain, StringComparer.Ordinal).Select(d => new TeamDomainView(d))], cancellationToken);

    public async ValueTask<Result<TeamProviderView>> AddProviderAsync(UserId actor, TeamId teamId, TeamProviderRequest request, CancellationToken cancellationToken = default)
    {
        var refusal = await CheckAsync(request, secretRequired: true, cancellationToken).ConfigureAwait(false);
        if (refusal is not TeamAccessErrorCode.None)
        {
            return Result<TeamProviderView>.Failed(refusal);
        }

        if (services.GetService(typeof(ISecretProtector)) is not ISecretProtector protector)
        {
            return Result<TeamProviderView>.Failed(TeamAccessErrorCode.SecretProtectorMissing);
        }

        var draft = Apply(new StoredTeamProvider(TeamProviderId.New(), teamId, "", "", "", "", writer.Time.GetUtcNow()), request, protector);
        var added = await writer.RunOnTeamAsync(actor, teamId, Permissions.TeamSignInPolicy, "AddTeamProvider", team => team.AddProvider(draft, Options.MaxProvidersPerTeam), cancellationToken).ConfigureAwait(false);
        return View(added);
    }

    public async ValueTask<Result<TeamProviderView>> UpdateProviderAsync(UserId actor, TeamId teamId, TeamProviderId providerId, TeamProviderRequest request, CancellationToken cancellationToken = default)
    {
        var refusal = await CheckAsync(request, secretRequired: false, cancellationToken).ConfigureAwait(false);
        if (refusal is not TeamAccessErrorCode.None)
        {
            return Result<TeamProviderView>.Failed(refusal);
        }

        var protector = services.GetService(typeof(ISecretProtector)) as ISecretProtector;
        if (request.ClientSecret is not null && protector is null)
        {
            return Result<TeamProviderView>.Failed(TeamAccessErrorCode.SecretProtectorMissing);
        }

        var changed = await writer.RunOnTeamAsync(actor, teamId, Permissions.TeamSignInPolicy, "ChangeTeamProvider", team => team.ChangeProvider(providerId, p =>
        {
            // A new issuer or client is discovered again at activation; the endpoints of the old one do not carry over.
            var same = p.Issuer == request.Issuer;
            return Apply(p, request, protector) with { JwksUri = same ? p.JwksUri : null, AuthorizationEndpoint = same ? p.AuthorizationEndpoint : null, TokenEndpoint = same ? p.TokenEndpoint : null };
        }), cancellationToken).ConfigureAwait(false);
        return View(changed);
    }

    public async ValueTask<Result> TestProviderAsync(UserId actor, TeamId teamId, TeamProviderRequest request, CancellationToken cancellationToken = default)
    {
        // Only someone who may configure the team's providers makes the server fetch an address of their choosing.
        var allowed = await ReadAsync(actor, teamId, _ => true, cancellationToken).ConfigureAwait(false);
        if (!allowed.Succeeded)
        {
            return Result.Failed(allowed.Error!);
        }

        var refusal = await CheckAsync(request, secretRequired: false, cancellationToken).ConfigureAwait(false);
        if (refusal is not TeamAccessErrorCode.None)
        {
            return Result.Failed(refusal);
        }

        var discovered = await fetcher.DiscoverAsync(request.Issuer, cancellationToken).ConfigureAwait(false);
        return discovered.Succeeded ? Result.Success : Result.Failed(discovered.Error!);
    }

    public async ValueTask<Result<TeamProviderView>> ActivateProviderAsync(UserId actor, TeamId teamId, TeamProviderId providerId, CancellationToken cancellationToken = default)
    {
        if (!Options.Enabled)
        {
            return Result<TeamProviderView>.Failed(TeamAccessErrorCode.TeamSsoDisabled);
        }

        var found = await ReadAsync(actor, teamId, team => team.Providers.GetValueOrDefault(providerId), cancellationToken).ConfigureAwait(false);
        if (!found.TryGetValue(out var provider) || provider is null)
        {
            return found.Succeeded ? Result<TeamProviderView>.Failed(TeamAccessErrorCode.NotFound) : Result<TeamProviderView>.Failed(found.Error!);
        }

        var discovered = await fetcher.DiscoverAsync(provider.Issuer, cancellationToken).ConfigureAwait(false);
        if (!discovered.TryGetValue(out var discovery))
        {
            return Result<TeamProviderView>.Failed(discovered.Error!);
        }

        var activated = await writer.RunOnTeamAsync(actor, teamId, Permissions.TeamSignInPolicy, "ActivateTeamProvider", team =>
        {
            // The issuer discovered is the one stored: a change made meanwhile is discovered at its own activation.
            if (team.Current.Providers.GetValueOrDefault(providerId) is { } current && current.Issuer == provider.Issuer
                && (current.JwksUri != discovery.JwksUri || current.AuthorizationEndpoint != discovery.AuthorizationEndpoint || current.TokenEndpoint != discovery.ExchangeEndpoint))
            {
                team.ChangeProvider(providerId, p => p with { JwksUri = discovery.JwksUri, AuthorizationEndpoint = discovery.AuthorizationEndpoint, TokenEndpoint = discovery.ExchangeEndpoint });
            }

            return team.SetProviderState(providerId, TeamProviderState.Active);
        }, cancellationToken).ConfigureAwait(false);
        return View(activated);
    }

    public async ValueTask<Result<TeamProviderView>> SuspendProviderAsync(UserId actor, TeamId teamId, TeamProviderId providerId, CancellationToken cancellationToken = default) =>
        View(await writer.RunOnTeamAsync(actor, teamId, Permissions.TeamSignInPolicy, "SuspendTeamProvider", team => team.SetProviderState(providerId, TeamProviderState.Suspended), cancellationToken).ConfigureAwait(false));

    public async ValueTask<Result> DeleteProviderAsync(UserId actor, TeamId teamId, TeamProviderId providerId, CancellationToken cancellationToken = default) =>
        await writer.RunOnTeamAsync(actor, teamId, Permissions.TeamSignInPolicy, "DeleteTeamProvider", team => ToUnit(team.DeleteProvider(providerId)), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Result<TeamDomainView>> ClaimDomainAsync(UserId actor, TeamId teamId, string domain, CancellationToken cancellationToken = default)
    {
        if (!Options.Enabled)
        {
            return Result<TeamDomainView>.Failed(TeamAccessErrorCode.TeamSsoDisabled);
        }

        var normalized = domain?.Trim().TrimEnd('.').ToLowerInvariant();
        if (!Domains.IsValid(normalized))
        {
            return Result<TeamDomainView>.Failed(TeamAccessErrorCode.InvalidHandle);
        }

        // Published, so not a secret; random so that nobody can pre-publish the value of another team's claim.
        var token = UrlSafeBase64.Encode(RandomNumberGenerator.GetBytes(24));
        var claimed = await writer.RunOnTeamAsync(actor, teamId, Permissions.TeamSignInPolicy, "ClaimTeamDomain", team => team.ClaimDomain(normalized!, token), cancellationToken).ConfigureAwait(false);
        return claimed.TryGetValue(out var claim) ? Result<TeamDomainView>.Ok(new TeamDomainView(claim)) : Result<TeamDomainView>.Failed(claimed.Error!);
    }

    public async ValueTask<Result<TeamDomainView>> CheckDomainAsync(UserId actor, TeamId teamId, TeamDomainId domainId, CancellationToken cancellationToken = default)
    {
        var found = await ReadAsync(actor, teamId, team => team.Domains.GetValueOrDefault(domainId), cancellationToken).ConfigureAwait(false);
        if (!found.TryGetValue(out var claim) || claim is null)
        {
            return found.Succeeded ? Result<TeamDomainView>.Failed(TeamAccessErrorCode.NotFound) : Result<TeamDomainView>.Failed(found.Error!);
        }

        var checkedClaim = await checker.CheckAsync(claim, actor, cancellationToken).ConfigureAwait(false);
        return checkedClaim.TryGetValue(out var after) ? Result<TeamDomainView>.Ok(new TeamDomainView(after)) : Result<TeamDomainView>.Failed(checkedClaim.Error!);
    }

    public async ValueTask<Result> RemoveDomainAsync(UserId actor, TeamId teamId, TeamDomainId domainId, CancellationToken cancellationToken = default) =>
        await writer.RunOnTeamAsync(actor, teamId, Permissions.TeamSignInPolicy, "RemoveTeamDomain", team => ToUnit(team.RemoveDomain(domainId)), cancellationToken).ConfigureAwait(false);

    private static Result<bool> ToUnit(Result result) => result.Succeeded ? Result<bool>.Ok(true) : Result<bool>.Failed(result.Error!);

    private static Result<TeamProviderView> View(Result<StoredTeamProvider> result) =>
        result.TryGetValue(out var provider) ? Result<TeamProviderView>.Ok(new TeamProviderView(provider)) : Result<TeamProviderView>.Failed(result.Error!);

    private static StoredTeamProvider Apply(StoredTeamProvider provider, TeamProviderRequest request, ISecretProtector? protector) => provider with
    {
        DisplayName = request.DisplayName.Trim(),
        Issuer = request.Issuer,
        ClientId = request.ClientId,
        ProtectedClientSecret = request.ClientSecret is { } secret ? protector!.Protect(Encoding.UTF8.GetBytes(secret)) : provider.ProtectedClientSecret,
        Scopes = [.. request.Scopes.Append("openid").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        EmailClaim = request.EmailClaim,
        RequiresSecondFactor = request.RequiresSecondFactor,
    };

    /// <summary>The settings' own checks, then the issuer's address (before anything is stored or fetched).</summary>
    private async ValueTask<TeamAccessErrorCode> CheckAsync(TeamProviderRequest request, bool secretRequired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Options.Enabled)
        {
            return TeamAccessErrorCode.TeamSsoDisabled;
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 100 || request.DisplayName.Any(char.IsControl)
            || !IsText(request.ClientId) || (secretRequired && request.ClientSecret is null) || (request.ClientSecret is { } secret && !IsText(secret))
            || request.Scopes is null || request.Scopes.Count > 20 || !request.Scopes.All(IsToken) || !IsToken(request.EmailClaim)
            || request.Issuer is null || request.Issuer.Length > MaxText)
        {
            return TeamAccessErrorCode.InvalidTeamProvider;
        }

        return await fetcher.CheckAsync(request.Issuer, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsText(string? value) => !string.IsNullOrEmpty(value) && value.Length <= MaxText && !value.Any(char.IsControl);

    private static bool IsToken(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':');

    /// <summary>A read of the team by someone who holds <c>team.sign-in-policy</c> there (deny by default, as a write's check).</summary>
    private async ValueTask<Result<T>> ReadAsync<T>(UserId actor, TeamId teamId, Func<TeamSnapshot, T> read, CancellationToken cancellationToken)
    {
        var team = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return Result<T>.Failed(TeamAccessErrorCode.NotFound);
        }

        var authorized = Actor.Authorize(team, actor, Permissions.TeamSignInPolicy, writer.Roles, out _);
        return authorized.Succeeded ? Result<T>.Ok(read(team)) : Result<T>.Failed(authorized.Error!);
    }
}
