using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.ServiceAccounts;

/// <summary>The default <see cref="IServiceAccountService"/>: input checked here, the rules in <see cref="TeamAggregate"/>.</summary>
internal sealed class ServiceAccountService(TeamWriter writer, IOptions<TeamAccessOptions> options, IApiKeyUsageStore usage) : IServiceAccountService
{
    private const int MaxDescriptionLength = TextLimits.MaxDescriptionLength;

    private ApiKeyOptions KeyOptions => options.Value.ApiKeys;

    public async ValueTask<Result<ServiceAccount>> CreateAsync(UserId actor, TeamId teamId, CreateServiceAccountRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Names.TryNormalizeName(request.Name, out var name))
        {
            return Result<ServiceAccount>.Failed(TeamAccessErrorCode.InvalidName);
        }

        if (!TryNormalizeDescription(request.Description, out var description))
        {
            return Result<ServiceAccount>.Failed(TeamAccessErrorCode.InvalidDescription);
        }

        var written = await writer.RunOnTeamAsync(actor, teamId, Permissions.ServiceAccountsManage, "CreateServiceAccount", team => team.CreateServiceAccount(name, description, request.Role ?? string.Empty), cancellationToken).ConfigureAwait(false);
        return AsAccount(written);
    }

    public async ValueTask<Result<ServiceAccount>> ChangeAsync(UserId actor, TeamId teamId, MembershipId serviceAccountId, ChangeServiceAccountRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? name = null;
        if (request.Name is not null && !Names.TryNormalizeName(request.Name, out name))
        {
            return Result<ServiceAccount>.Failed(TeamAccessErrorCode.InvalidName);
        }

        string? description = null;
        if (request.Description is not null && !TryNormalizeDescription(request.Description, out description))
        {
            return Result<ServiceAccount>.Failed(TeamAccessErrorCode.InvalidDescription);
        }

        var written = await writer.RunOnTeamAsync(actor, teamId, Permissions.ServiceAccountsManage, "ChangeServiceAccount", team => team.ChangeServiceAccount(serviceAccountId, name, description, request.Role), cancellationToken).ConfigureAwait(false);
        return AsAccount(written);
    }

    public async ValueTask<Result<ServiceAccount>> DeleteAsync(UserId actor, TeamId teamId, MembershipId serviceAccountId, CancellationToken cancellationToken = default)
    {
        var written = await writer.RunOnTeamAsync(actor, teamId, Permissions.ServiceAccountsManage, "DeleteServiceAccount", team => team.DeleteServiceAccount(serviceAccountId), cancellationToken).ConfigureAwait(false);
        return AsAccount(written);
    }

    public async ValueTask<Result<IReadOnlyList<ServiceAccount>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var read = await Actor.ReadAsync(writer.Teams, writer.Roles, actor, teamId, Permissions.MembersRead, cancellationToken).ConfigureAwait(false);
        return read.TryGetValue(out var snapshot)
            ? Result<IReadOnlyList<ServiceAccount>>.Ok([.. snapshot.Memberships.Values
                .Where(m => m.IsServiceAccount && !m.Status.IsTerminal())
                .OrderBy(m => m.ServiceAccountName, StringComparer.Ordinal).ThenBy(m => m.Id.Value)
                .Select(m => new ServiceAccount(m))])
            : Result<IReadOnlyList<ServiceAccount>>.Failed(read.Error!);
    }

    public async ValueTask<Result<IssuedApiKey>> CreateKeyAsync(UserId actor, TeamId teamId, MembershipId serviceAccountId, CreateApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        if (ReadKeyRequest(request, KeyOptions, writer.Roles.PermissionCatalog, out var name, out var lifetime, out var permissions) is { } refused)
        {
            return Result<IssuedApiKey>.Failed(refused);
        }

        var keyId = ApiKeyId.New();
        var (secret, hash) = ApiKeyFormat.Issue(teamId, keyId);
        var written = await writer.RunOnTeamAsync(
            actor, teamId, Permissions.ServiceAccountsManage, "CreateApiKey", team => team.CreateApiKey(serviceAccountId, keyId, name, hash, team.Now + lifetime, permissions), cancellationToken).ConfigureAwait(false);
        return AsIssued(written, secret);
    }

    public async ValueTask<Result<IssuedApiKey>> RotateKeyAsync(UserId actor, TeamId teamId, ApiKeyId keyId, TimeSpan overlap, CancellationToken cancellationToken = default)
    {
        if (overlap < TimeSpan.Zero || overlap > KeyOptions.MaxLifetime)
        {
            return Result<IssuedApiKey>.Failed(TeamAccessErrorCode.InvalidApiKeyLifetime);
        }

        var newId = ApiKeyId.New();
        var (secret, hash) = ApiKeyFormat.Issue(teamId, newId);
        var lifetime = KeyOptions.DefaultLifetime;
        var written = await writer.RunOnTeamAsync(
            actor, teamId, Permissions.ServiceAccountsManage, "RotateApiKey", team => team.RotateApiKey(keyId, newId, hash, team.Now + lifetime, team.Now + overlap), cancellationToken).ConfigureAwait(false);
        return AsIssued(written, secret);
    }

    public async ValueTask<Result<ApiKey>> RevokeKeyAsync(UserId actor, TeamId teamId, ApiKeyId keyId, CancellationToken cancellationToken = default)
    {
        var written = await writer.RunOnTeamAsync(actor, teamId, Permissions.ServiceAccountsManage, "RevokeApiKey", team => team.RevokeApiKey(keyId), cancellationToken).ConfigureAwait(false);
        return Carry(written, written.Succeeded ? Result<ApiKey>.Ok(new ApiKey(written.Value!)) : Result<ApiKey>.Failed(written.Error));
    }

    public ValueTask<Result<IReadOnlyList<ApiKey>>> ListKeysAsync(UserId actor, TeamId teamId, MembershipId serviceAccountId, CancellationToken cancellationToken = default) =>
        ListKeysWhereAsync(actor, teamId, serviceAccountId, cancellationToken);

    public ValueTask<Result<IReadOnlyList<ApiKey>>> ListTeamKeysAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default) =>
        ListKeysWhereAsync(actor, teamId, null, cancellationToken);

    /// <summary>The keys of one service account, or of all the team's when <paramref name="serviceAccountId"/> is <see langword="null"/>: one snapshot and one read of the last-used times.</summary>
    private async ValueTask<Result<IReadOnlyList<ApiKey>>> ListKeysWhereAsync(UserId actor, TeamId teamId, MembershipId? serviceAccountId, CancellationToken cancellationToken)
    {
        var read = await Actor.ReadAsync(writer.Teams, writer.Roles, actor, teamId, Permissions.ServiceAccountsManage, cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(out var snapshot))
        {
            return Result<IReadOnlyList<ApiKey>>.Failed(read.Error!);
        }

        if (serviceAccountId is { } one && (!snapshot.Memberships.TryGetValue(one, out var account) || !account.IsServiceAccount))
        {
            return Result<IReadOnlyList<ApiKey>>.Failed(TeamAccessErrorCode.NotFound);
        }

        var used = await usage.GetLastUsedAsync(teamId, cancellationToken).ConfigureAwait(false);
        // Members' personal keys are listed by IPersonalKeyService, not here.
        return Result<IReadOnlyList<ApiKey>>.Ok([.. snapshot.ApiKeys.Values
            .Where(k => serviceAccountId is not { } only ? snapshot.Memberships[k.MembershipId].IsServiceAccount : k.MembershipId == only)
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id.Value)
            .Select(k => new ApiKey(k, used.TryGetValue(k.Id, out var at) ? at : null))]);
    }

    /// <summary>Reads a key's request: its label normalized, its lifetime within the host's bounds, its narrowing registered permissions (sorted, once each); else the refusal.</summary>
    internal static TeamAccessErrorCode? ReadKeyRequest(CreateApiKeyRequest request, ApiKeyOptions options, PermissionCatalog catalog, out string name, out TimeSpan lifetime, out ImmutableArray<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(request);
        lifetime = request.Lifetime ?? options.DefaultLifetime;
        permissions = [];
        name = string.Empty;
        if (!Names.TryNormalizeName(request.Name, out var normalized))
        {
            return TeamAccessErrorCode.InvalidName;
        }

        name = normalized;

        if (lifetime <= TimeSpan.Zero || lifetime > options.MaxLifetime)
        {
            return TeamAccessErrorCode.InvalidApiKeyLifetime;
        }

        if (request.Permissions is { Count: > 0 } requested)
        {
            if (!catalog.TryGetMask(requested, out _, out _))
            {
                return TeamAccessErrorCode.InvalidPermission;
            }

            permissions = [.. requested.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        return null;
    }

    /// <summary>A description: trimmed, at most 500 characters, no control characters but line breaks and tabs; empty means none.</summary>
    internal static bool TryNormalizeDescription(string? description, out string? normalized)
    {
        normalized = null;
        if (description is null)
        {
            return true;
        }

        var trimmed = description.Trim();
        if (trimmed.Length > MaxDescriptionLength || trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            return false;
        }

        normalized = trimmed;
        return true;
    }

    private static Result<ServiceAccount> AsAccount(Result<StoredMembership> written) =>
        Carry(written, written.Succeeded ? Result<ServiceAccount>.Ok(new ServiceAccount(written.Value!)) : Result<ServiceAccount>.Failed(written.Error));

    internal static Result<IssuedApiKey> AsIssued(Result<StoredApiKey> written, string secret, bool personal = false) =>
        Carry(written, written.Succeeded ? Result<IssuedApiKey>.Ok(new IssuedApiKey(new ApiKey(written.Value!, null, personal), secret)) : Result<IssuedApiKey>.Failed(written.Error));

    // The view answers as fresh as the write it shows: the write's consistency token goes with it.
    internal static Result<T> Carry<T>(Result written, Result<T> view)
    {
        if (written.ConsistencyToken is { } token)
        {
            view.SetConsistencyToken(token);
        }

        return view;
    }
}
