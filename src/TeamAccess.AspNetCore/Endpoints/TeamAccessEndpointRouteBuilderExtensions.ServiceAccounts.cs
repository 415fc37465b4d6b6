using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TeamAccess;
using TeamAccess.AspNetCore;
using TeamAccess.ServiceAccounts;

namespace Microsoft.AspNetCore.Routing;

/// <content>
/// The team's service accounts and their API keys (<see cref="IServiceAccountService"/>), and members' personal keys
/// (<see cref="IPersonalKeyService"/>, when the host allows them).
/// </content>
public static partial class TeamAccessEndpointRouteBuilderExtensions
{
    private static void MapServiceAccounts(RouteGroupBuilder team)
    {
        team.MapGet("/service-accounts", async (ClaimsPrincipal principal, IServiceAccountService accounts, CancellationToken ct) =>
            (await accounts.ListAsync(principal.UserId(), principal.TeamId(), ct).ConfigureAwait(false)).ToHttpResult(rows => rows.Select(ServiceAccountResponse.From).ToArray()))
            .RequireTeamPermission(Permissions.MembersRead)
            .Describe<ServiceAccountResponse[]>("ServiceAccounts", "The team's service accounts (non-human principals: gateways, pipelines, integrations), by name.");

        team.MapPost("/service-accounts", async (ServiceAccountBody body, ClaimsPrincipal principal, IServiceAccountService accounts, CancellationToken ct) =>
            FirstMissing(("name", body.Name), ("role", body.Role)) ??
            (await accounts.CreateAsync(principal.UserId(), principal.TeamId(), new CreateServiceAccountRequest(body.Name!, body.Role!) { Description = body.Description }, ct).ConfigureAwait(false)).ToHttpResult(ServiceAccountResponse.From))
            .RequireTeamPermission(Permissions.ServiceAccountsManage)
            .Describe<ServiceAccountResponse>("CreateServiceAccount", "Creates a service account with a role ranked no higher than the actor's and holding nothing the actor lacks; never the guardian role.");

        team.MapPatch("/service-accounts/{serviceAccountId}", async (string serviceAccountId, ServiceAccountBody body, ClaimsPrincipal principal, IServiceAccountService accounts, CancellationToken ct) =>
                Guid.TryParse(serviceAccountId, out var id)
                    ? (await accounts.ChangeAsync(principal.UserId(), principal.TeamId(), new MembershipId(id), new ChangeServiceAccountRequest { Name = body.Name, Role = body.Role, Description = body.Description }, ct).ConfigureAwait(false)).ToHttpResult(ServiceAccountResponse.From)
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.ServiceAccountsManage)
            .Describe<ServiceAccountResponse>("ChangeServiceAccount", "Changes a service account's name, description or role (absent fields are kept); its keys follow a new role on every instance.");

        team.MapDelete("/service-accounts/{serviceAccountId}", async (string serviceAccountId, ClaimsPrincipal principal, IServiceAccountService accounts, CancellationToken ct) =>
                Guid.TryParse(serviceAccountId, out var id)
                    ? (await accounts.DeleteAsync(principal.UserId(), principal.TeamId(), new MembershipId(id), ct).ConfigureAwait(false)).ToHttpResult(ServiceAccountResponse.From)
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.ServiceAccountsManage)
            .Describe<ServiceAccountResponse>("DeleteServiceAccount", "Deletes a service account: its grants and group places go, and every key it holds is revoked.");

        team.MapGet("/service-accounts/{serviceAccountId}/keys", async (string serviceAccountId, ClaimsPrincipal principal, IServiceAccountService accounts, CancellationToken ct) =>
                Guid.TryParse(serviceAccountId, out var id)
                    ? (await accounts.ListKeysAsync(principal.UserId(), principal.TeamId(), new MembershipId(id), ct).ConfigureAwait(false)).ToHttpResult(rows => rows.Select(ApiKeyResponse.From).ToArray())
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.ServiceAccountsManage)
            .Describe<ApiKeyResponse[]>("ApiKeys", "A service account's API keys, newest first, revoked and expired ones included; never a secret.");

        team.MapPost("/service-accounts/{serviceAccountId}/keys", async (string serviceAccountId, ApiKeyBody body, ClaimsPrincipal principal, IServiceAccountService accounts, CancellationToken ct) =>
                !Guid.TryParse(serviceAccountId, out var id) ? Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult()
                    : FirstMissing(("name", body.Name)) is { } missing ? missing
                    : (await accounts.CreateKeyAsync(principal.UserId(), principal.TeamId(), new MembershipId(id), new CreateApiKeyRequest(body.Name!) { Lifetime = Seconds(body.LifetimeSeconds), Permissions = body.Permissions }, ct).ConfigureAwait(false)).ToHttpResult(IssuedApiKeyResponse.From))
            .RequireTeamPermission(Permissions.ServiceAccountsManage)
            .RequireRecentSecondFactor()
            .Describe<IssuedApiKeyResponse>("CreateApiKey", "Creates an API key for a service account; the response carries its secret once (send it as Authorization: Bearer ta_...), and only its hash is stored. A dangerous action: RecentSecondFactorRequired (or SecondFactorEnrolmentRequired) unless this session proved a second factor within the step-up window; a key never mints a key.");

        team.MapPost("/api-keys/{keyId}/rotate", async (string keyId, RotateApiKeyBody body, ClaimsPrincipal principal, IServiceAccountService accounts, CancellationToken ct) =>
                Guid.TryParse(keyId, out var id)
                    ? (await accounts.RotateKeyAsync(principal.UserId(), principal.TeamId(), new ApiKeyId(id), Seconds(body.OverlapSeconds) ?? TimeSpan.Zero, ct).ConfigureAwait(false)).ToHttpResult(IssuedApiKeyResponse.From)
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.ServiceAccountsManage)
            .RequireRecentSecondFactor()
            .Describe<IssuedApiKeyResponse>("RotateApiKey", "Rotates an API key: a new key is returned once, and the old one keeps working for the overlap asked (overlapSeconds), then expires. Needs a recent second factor, as creating a key does.");

        team.MapDelete("/api-keys/{keyId}", async (string keyId, ClaimsPrincipal principal, IServiceAccountService accounts, CancellationToken ct) =>
                Guid.TryParse(keyId, out var id)
                    ? (await accounts.RevokeKeyAsync(principal.UserId(), principal.TeamId(), new ApiKeyId(id), ct).ConfigureAwait(false)).ToHttpResult(ApiKeyResponse.From)
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.ServiceAccountsManage)
            .Describe<ApiKeyResponse>("RevokeApiKey", "Revokes an API key; every instance refuses it within the change feed's staleness bound.");
    }

    private static void MapPersonalKeys(RouteGroupBuilder team)
    {
        team.MapGet("/personal-keys", async (ClaimsPrincipal principal, IPersonalKeyService keys, CancellationToken ct) =>
            (await keys.ListAsync(principal.UserId(), principal.TeamId(), ct).ConfigureAwait(false)).ToHttpResult(rows => rows.Select(ApiKeyResponse.From).ToArray()))
            .RequireSessionTeam()
            .Describe<ApiKeyResponse[]>("PersonalKeys", "The caller's own personal API keys in this team, newest first, revoked and expired ones included; never a secret.");

        team.MapPost("/personal-keys", async (ApiKeyBody body, ClaimsPrincipal principal, IPersonalKeyService keys, CancellationToken ct) =>
                FirstMissing(("name", body.Name)) ??
                (await keys.CreateAsync(principal.UserId(), principal.TeamId(), new CreateApiKeyRequest(body.Name!) { Lifetime = Seconds(body.LifetimeSeconds), Permissions = body.Permissions }, ct).ConfigureAwait(false)).ToHttpResult(IssuedApiKeyResponse.From))
            .RequireSessionTeam()
            .RequireRecentSecondFactor()
            .Describe<IssuedApiKeyResponse>("CreatePersonalKey", "Creates a personal API key for the caller's own Active membership (PersonalKeysDisabled unless the host allows them); the response carries its secret once. The key acts as the caller, within what they hold (narrowed by permissions, if given); without permissions it leaves out the guardian's own and service-accounts.manage. A dangerous action, as a service account's key is: RecentSecondFactorRequired (or SecondFactorEnrolmentRequired) unless this session proved a second factor within the step-up window; a key never mints a key.");

        team.MapGet("/personal-keys/all", async (ClaimsPrincipal principal, IPersonalKeyService keys, CancellationToken ct) =>
            (await keys.ListTeamAsync(principal.UserId(), principal.TeamId(), ct).ConfigureAwait(false)).ToHttpResult(rows => rows.Select(ApiKeyResponse.From).ToArray()))
            .RequireTeamPermission(Permissions.ServiceAccountsManage)
            .Describe<ApiKeyResponse[]>("TeamPersonalKeys", "Every member's personal API keys in the team (serviceAccountId names the member's membership), newest first; never a secret.");

        team.MapDelete("/personal-keys/{keyId}", async (string keyId, ClaimsPrincipal principal, IPersonalKeyService keys, CancellationToken ct) =>
                Guid.TryParse(keyId, out var id)
                    ? (await keys.RevokeAsync(principal.UserId(), principal.TeamId(), new ApiKeyId(id), ct).ConfigureAwait(false)).ToHttpResult(ApiKeyResponse.From)
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireSessionTeam()
            .Describe<ApiKeyResponse>("RevokePersonalKey", "Revokes a personal API key: one's own, or a member's with service-accounts.manage and a rank not below theirs; every instance refuses it within the change feed's staleness bound.");
    }

    /// <summary>A duration in seconds from a body; one beyond a century is refused by the service as any other out-of-range value (InvalidApiKeyLifetime).</summary>
    private static TimeSpan? Seconds(long? seconds)
    {
        const long Century = 100L * 366 * 24 * 3600;
        return seconds is not { } s ? null : s is < -Century or > Century ? TimeSpan.MinValue : TimeSpan.FromSeconds(s);
    }
}
