namespace TeamAccess;

/// <summary>
/// The credential the current scope (an HTTP request) acts through, beyond the actor's id that each service call names:
/// the audit records it beside the actor. Scoped; the TeamAccess authentication scheme sets it for a request made with an
/// API key. A host that validates keys itself (<c>IApiKeyValidator</c>) and calls the services sets it the same way.
/// </summary>
public sealed class ActingCredential
{
    /// <summary>Gets or sets the API key the scope acts through; <see langword="null"/> for a session or the host.</summary>
    public ApiKeyId? ApiKeyId { get; set; }
}
