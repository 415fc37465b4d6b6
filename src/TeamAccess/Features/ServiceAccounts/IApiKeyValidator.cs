namespace TeamAccess.ServiceAccounts;

/// <summary>Validates API keys from the permission index: no store read per request.</summary>
public interface IApiKeyValidator
{
    /// <summary>Validates a key.</summary>
    /// <param name="key">The key's full text, <c>ta_...</c>.</param>
    /// <returns>
    /// Who it acts as; or InvalidApiKey (malformed, unknown, wrong secret: refused without a store read), ApiKeyExpired,
    /// ApiKeyRevoked, PermissionDenied (its service account is not Active), IndexStale (this instance fails closed).
    /// </returns>
    Result<ApiKeyPrincipal> Validate(string? key);
}
