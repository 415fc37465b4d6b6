using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TeamAccess;
using TeamAccess.AspNetCore;
using TeamAccess.TeamSso;

namespace Microsoft.AspNetCore.Routing;

/// <content>
/// The team's own SSO (<see cref="ITeamSsoService"/>): its OIDC providers and its DNS-proven domains. Every route needs
/// <c>team.sign-in-policy</c> (the guardian's); every change of who may sign in (adding, changing, activating, suspending
/// or deleting a provider, claiming or releasing a domain) is a dangerous action that needs a recent second factor.
/// </content>
public static partial class TeamAccessEndpointRouteBuilderExtensions
{
    private static void MapTeamSso(RouteGroupBuilder team)
    {
        team.MapGet("/sso/providers", async (ClaimsPrincipal principal, ITeamSsoService sso, CancellationToken ct) =>
            (await sso.ListProvidersAsync(principal.UserId(), principal.TeamId(), ct).ConfigureAwait(false)).ToHttpResult(rows => rows.Select(TeamProviderResponse.From).ToArray()))
            .RequireTeamPermission(Permissions.TeamSignInPolicy)
            .Describe<TeamProviderResponse[]>("TeamProviders", "The team's own OIDC providers, oldest first; never a client secret.");

        team.MapPost("/sso/providers", async (TeamProviderBody body, ClaimsPrincipal principal, ITeamSsoService sso, CancellationToken ct) =>
            FirstMissing(("displayName", body.DisplayName), ("issuer", body.Issuer), ("clientId", body.ClientId), ("clientSecret", body.ClientSecret)) ??
            (await sso.AddProviderAsync(principal.UserId(), principal.TeamId(), body.ToRequest(), ct).ConfigureAwait(false)).ToHttpResult(TeamProviderResponse.From))
            .RequireTeamPermission(Permissions.TeamSignInPolicy)
            .RequireRecentSecondFactor()
            .Describe<TeamProviderResponse>("AddTeamProvider", "Adds an OIDC provider for the team as a draft: its issuer must be HTTPS, allowed by the host and on a public address; the client secret is stored encrypted and never returned. Needs a recent second factor.");

        team.MapPost("/sso/providers/test", async (TeamProviderBody body, ClaimsPrincipal principal, ITeamSsoService sso, CancellationToken ct) =>
            FirstMissing(("displayName", body.DisplayName), ("issuer", body.Issuer), ("clientId", body.ClientId)) ??
            (await sso.TestProviderAsync(principal.UserId(), principal.TeamId(), body.ToRequest(), ct).ConfigureAwait(false)).ToHttpResult())
            .RequireTeamPermission(Permissions.TeamSignInPolicy)
            .Describe("TestTeamProvider", "Tests settings without saving them: fetches and checks the issuer's discovery document and keys (IssuerNotAllowed, IssuerMismatch, DiscoveryFailed).");

        team.MapPut("/sso/providers/{providerId}", async (string providerId, TeamProviderBody body, ClaimsPrincipal principal, ITeamSsoService sso, CancellationToken ct) =>
                !Guid.TryParse(providerId, out var id) ? Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult()
                    : FirstMissing(("displayName", body.DisplayName), ("issuer", body.Issuer), ("clientId", body.ClientId)) is { } missing ? missing
                    : (await sso.UpdateProviderAsync(principal.UserId(), principal.TeamId(), new TeamProviderId(id), body.ToRequest(), ct).ConfigureAwait(false)).ToHttpResult(TeamProviderResponse.From))
            .RequireTeamPermission(Permissions.TeamSignInPolicy)
            .RequireRecentSecondFactor()
            .Describe<TeamProviderResponse>("ChangeTeamProvider", "Changes a provider's settings (an absent client secret keeps the stored one); its state stays. Needs a recent second factor.");

        MapProviderVerb(team, "activate", "ActivateTeamProvider", "Activates a draft or suspended provider after fetching its discovery document and keys. Needs a recent second factor.", (sso, actor, teamId, id, ct) => sso.ActivateProviderAsync(actor, teamId, id, ct));
        MapProviderVerb(team, "suspend", "SuspendTeamProvider", "Suspends an active provider: it signs nobody in, and every instance refuses its sessions within the change feed's bound. Needs a recent second factor.", (sso, actor, teamId, id, ct) => sso.SuspendProviderAsync(actor, teamId, id, ct));

        team.MapDelete("/sso/providers/{providerId}", async (string providerId, ClaimsPrincipal principal, ITeamSsoService sso, CancellationToken ct) =>
                Guid.TryParse(providerId, out var id)
                    ? (await sso.DeleteProviderAsync(principal.UserId(), principal.TeamId(), new TeamProviderId(id), ct).ConfigureAwait(false)).ToHttpResult()
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.TeamSignInPolicy)
            .RequireRecentSecondFactor()
            .Describe("DeleteTeamProvider", "Deletes a draft or suspended provider the sign-in policy does not name. Needs a recent second factor.");

        team.MapGet("/sso/domains", async (ClaimsPrincipal principal, ITeamSsoService sso, CancellationToken ct) =>
            (await sso.ListDomainsAsync(principal.UserId(), principal.TeamId(), ct).ConfigureAwait(false)).ToHttpResult(rows => rows.Select(TeamDomainResponse.From).ToArray()))
            .RequireTeamPermission(Permissions.TeamSignInPolicy)
            .Describe<TeamDomainResponse[]>("TeamDomains", "The team's domain claims with the TXT record each needs, and their states (Pending, Verified, Failed, Expired).");

        team.MapPost("/sso/domains", async (DomainBody body, ClaimsPrincipal principal, ITeamSsoService sso, CancellationToken ct) =>
            FirstMissing(("domain", body.Domain)) ??
            (await sso.ClaimDomainAsync(principal.UserId(), principal.TeamId(), body.Domain!, ct).ConfigureAwait(false)).ToHttpResult(TeamDomainResponse.From))
            .RequireTeamPermission(Permissions.TeamSignInPolicy)
            .RequireRecentSecondFactor()
            .Describe<TeamDomainResponse>("ClaimTeamDomain", "Claims a domain; publish the returned txtRecord as a TXT record of the domain, then check it. Needs a recent second factor.");

        team.MapPost("/sso/domains/{domainId}/check", async (string domainId, ClaimsPrincipal principal, ITeamSsoService sso, CancellationToken ct) =>
                Guid.TryParse(domainId, out var id)
                    ? (await sso.CheckDomainAsync(principal.UserId(), principal.TeamId(), new TeamDomainId(id), ct).ConfigureAwait(false)).ToHttpResult(TeamDomainResponse.From)
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.TeamSignInPolicy)
            .Describe<TeamDomainResponse>("CheckTeamDomain", "Looks the domain's TXT record up now and records the state found (DomainVerifiedElsewhere, DomainCheckUnavailable).");

        team.MapDelete("/sso/domains/{domainId}", async (string domainId, ClaimsPrincipal principal, ITeamSsoService sso, CancellationToken ct) =>
                Guid.TryParse(domainId, out var id)
                    ? (await sso.RemoveDomainAsync(principal.UserId(), principal.TeamId(), new TeamDomainId(id), ct).ConfigureAwait(false)).ToHttpResult()
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.TeamSignInPolicy)
            .RequireRecentSecondFactor()
            .Describe("RemoveTeamDomain", "Releases a domain claim. Needs a recent second factor.");
    }

    private static void MapProviderVerb(
        RouteGroupBuilder team,
        string verb,
        string name,
        string description,
        Func<ITeamSsoService, UserId, TeamId, TeamProviderId, CancellationToken, ValueTask<Result<TeamProviderView>>> call) =>
        team.MapPost($"/sso/providers/{{providerId}}/{verb}", async (string providerId, ClaimsPrincipal principal, ITeamSsoService sso, CancellationToken ct) =>
                Guid.TryParse(providerId, out var id)
                    ? (await call(sso, principal.UserId(), principal.TeamId(), new TeamProviderId(id), ct).ConfigureAwait(false)).ToHttpResult(TeamProviderResponse.From)
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.TeamSignInPolicy)
            .RequireRecentSecondFactor()
            .Describe<TeamProviderResponse>(name, description);
}
