using Microsoft.Extensions.Options;
using TeamAccess.Index;

namespace TeamAccess.ServiceAccounts;

/// <summary>
/// The default <see cref="IApiKeyValidator"/>: <see cref="ApiKeyResolver"/> on this instance's index and clock. A member's
/// personal key is refused as unknown unless the host allows personal keys (<see cref="ApiKeyOptions.AllowPersonalKeys"/>).
/// </summary>
internal sealed class ApiKeyValidator(AccessEngine engine, TimeProvider time, ApiKeyUsageRecorder? usage = null, IOptions<TeamAccessOptions>? options = null) : IApiKeyValidator
{
    private readonly ApiKeyResolver _resolver = new(engine);

    public Result<ApiKeyPrincipal> Validate(string? key)
    {
        if (key is null)
        {
            return Result<ApiKeyPrincipal>.Failed(TeamAccessErrorCode.InvalidApiKey);
        }

        var now = time.GetUtcNow();
        var code = _resolver.Resolve(key, now, out var team, out var apiKey);
        if (code != TeamAccessErrorCode.None)
        {
            return Result<ApiKeyPrincipal>.Failed(code);
        }

        if (apiKey!.Personal && options?.Value.ApiKeys.AllowPersonalKeys != true)
        {
            return Result<ApiKeyPrincipal>.Failed(TeamAccessErrorCode.InvalidApiKey);
        }

        // Remembered in memory and written in batches: validating a key writes nothing.
        usage?.Record(team!.Id, apiKey!.Id, now);
        return Accepted(team!, apiKey!);
    }

    /// <summary>
    /// The key's result, made once per compiled key and engine and then handed out again: the principal is immutable and
    /// reads the live index on every check, so sharing it allocates nothing per call and changes no answer. A revoked or
    /// changed key is a new compiled key, with no result kept.
    /// </summary>
    private Result<ApiKeyPrincipal> Accepted(CompiledTeam team, CompiledApiKey apiKey)
    {
        if (apiKey.Validated is Result<ApiKeyPrincipal> kept && kept.Value!.IsOf(engine, team.Id))
        {
            return kept;
        }

        var made = Result<ApiKeyPrincipal>.Ok(new ApiKeyPrincipal(engine, team, apiKey));
        apiKey.Validated = made;
        return made;
    }
}
