using Microsoft.Extensions.Options;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.ServiceAccounts;

/// <summary>The default <see cref="IPersonalKeyService"/>: input checked as for a service account's key, the rules in <see cref="TeamAggregate"/>.</summary>
internal sealed class PersonalKeyService(TeamWriter writer, IOptions<TeamAccessOptions> options, IApiKeyUsageStore usage) : IPersonalKeyService
{
    private ApiKeyOptions KeyOptions => options.Value.ApiKeys;

    public async ValueTask<Result<IssuedApiKey>> CreateAsync(UserId actor, TeamId teamId, CreateApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!KeyOptions.AllowPersonalKeys)
        {
            return Result<IssuedApiKey>.Failed(TeamAccessErrorCode.PersonalKeysDisabled);
        }

        if (ServiceAccountService.ReadKeyRequest(request, KeyOptions, writer.Roles.PermissionCatalog, out var name, out var lifetime, out var permissions) is { } refused)
        {
            return Result<IssuedApiKey>.Failed(refused);
        }

        var keyId = ApiKeyId.New();
        var (secret, hash) = ApiKeyFormat.Issue(teamId, keyId);
        var written = await writer.RunOnTeamAsync(
            actor, teamId, null, "CreatePersonalApiKey", team => team.CreatePersonalApiKey(keyId, name, hash, team.Now + lifetime, permissions), cancellationToken).ConfigureAwait(false);
        return ServiceAccountService.AsIssued(written, secret, personal: true);
    }

    public async ValueTask<Result<IReadOnlyList<ApiKey>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var snapshot = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (snapshot?.FindCurrentMembership(actor) is not { } own)
        {
            return Result<IReadOnlyList<ApiKey>>.Failed(TeamAccessErrorCode.NotFound);
        }

        return Result<IReadOnlyList<ApiKey>>.Ok(await ListWhereAsync(snapshot, m => m.Id == own.Id, cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<Result<IReadOnlyList<ApiKey>>> ListTeamAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var read = await Actor.ReadAsync(writer.Teams, writer.Roles, actor, teamId, Permissions.ServiceAccountsManage, cancellationToken).ConfigureAwait(false);
        return read.TryGetValue(out var snapshot)
            ? Result<IReadOnlyList<ApiKey>>.Ok(await ListWhereAsync(snapshot, m => !m.IsServiceAccount, cancellationToken).ConfigureAwait(false))
            : Result<IReadOnlyList<ApiKey>>.Failed(read.Error!);
    }

    public async ValueTask<Result<ApiKey>> RevokeAsync(UserId actor, TeamId teamId, ApiKeyId keyId, CancellationToken cancellationToken = default)
    {
        var written = await writer.RunOnTeamAsync(actor, teamId, null, "RevokePersonalApiKey", team => team.RevokePersonalApiKey(keyId), cancellationToken).ConfigureAwait(false);
        return ServiceAccountService.Carry(written, written.Succeeded ? Result<ApiKey>.Ok(new ApiKey(written.Value!, null, personal: true)) : Result<ApiKey>.Failed(written.Error));
    }

    /// <summary>The keys whose holder matches, newest first, with one read of the team's last-used times.</summary>
    private async ValueTask<IReadOnlyList<ApiKey>> ListWhereAsync(TeamSnapshot snapshot, Func<StoredMembership, bool> holder, CancellationToken cancellationToken)
    {
        var used = await usage.GetLastUsedAsync(snapshot.Id, cancellationToken).ConfigureAwait(false);
        return [.. snapshot.ApiKeys.Values
            .Where(k => snapshot.Memberships.TryGetValue(k.MembershipId, out var m) && holder(m) && !m.IsServiceAccount)
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id.Value)
            .Select(k => new ApiKey(k, used.TryGetValue(k.Id, out var at) ? at : null, personal: true))];
    }
}
