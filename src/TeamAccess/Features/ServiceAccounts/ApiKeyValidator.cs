using TeamAccess.Index;

namespace TeamAccess.ServiceAccounts;

/// <summary>The default <see cref="IApiKeyValidator"/>: <see cref="ApiKeyResolver"/> on this instance's index and clock.</summary>
internal sealed class ApiKeyValidator(AccessEngine engine, TimeProvider time) : IApiKeyValidator
{
    private readonly ApiKeyResolver _resolver = new(engine);

    public Result<ApiKeyPrincipal> Validate(string? key)
    {
        if (key is null)
        {
            return Result<ApiKeyPrincipal>.Failed(TeamAccessErrorCode.InvalidApiKey);
        }

        var code = _resolver.Resolve(key, time.GetUtcNow(), out var team, out var apiKey);
        return code == TeamAccessErrorCode.None
            ? Result<ApiKeyPrincipal>.Ok(new ApiKeyPrincipal(engine, team!, apiKey!))
            : Result<ApiKeyPrincipal>.Failed(code);
    }
}
