using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TeamAccess.Accounts;

/// <summary>
/// Fetches what a team's issuer publishes (its discovery document and its keys) without becoming a server-side request
/// forgery tool: HTTPS only, no redirects, hosts the host's lists admit, and every address the host name resolves to
/// must be public unless the host allows private ones. The production transport connects only to an address it checked
/// itself at connect time, so a name that resolves to a public address for the check and a private one for the
/// connection (DNS rebinding) still reaches nothing private.
/// </summary>
internal sealed class IssuerFetcher(IOptions<TeamAccessOptions> options, IssuerAddresses addresses, IssuerTransport transport, TimeProvider time, ILogger<IssuerFetcher>? logger = null)
{
    private const int MaxDocumentBytes = 256 * 1024;
    private readonly ILogger _logger = logger ?? NullLogger<IssuerFetcher>.Instance;

    private TeamSsoOptions Options => options.Value.TeamSso;

    /// <summary>Checks an address before anything is fetched from it: IssuerNotAllowed, or None.</summary>
    public async ValueTask<TeamAccessErrorCode> CheckAsync(string? address, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.UserInfo)
            || !string.IsNullOrEmpty(uri.Fragment) || !Options.Admits(uri.IdnHost))
        {
            return TeamAccessErrorCode.IssuerNotAllowed;
        }

        try
        {
            await addresses.AllowedAsync(uri.IdnHost, cancellationToken).ConfigureAwait(false);
            return TeamAccessErrorCode.None;
        }
        catch (IssuerAddresses.NotAllowedException)
        {
            return TeamAccessErrorCode.IssuerNotAllowed;
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException or TimeoutException)
        {
            return TeamAccessErrorCode.DiscoveryFailed;
        }
    }

    /// <summary>
    /// Fetches the issuer's discovery document and its keys, and checks both: the document names exactly this issuer,
    /// its JWKS address passes the same checks, and the key set holds at least one asymmetric signing key.
    /// </summary>
    public async ValueTask<Result<IssuerDiscovery>> DiscoverAsync(string issuer, CancellationToken cancellationToken)
    {
        var document = await GetAsync(issuer.TrimEnd('/') + "/.well-known/openid-configuration", cancellationToken).ConfigureAwait(false);
        if (!document.TryGetValue(out var json))
        {
            return Result<IssuerDiscovery>.Failed(document.Error!);
        }

        string? named, jwksUri, authorization, token;
        try
        {
            using var parsed = JsonDocument.Parse(json);
            var root = parsed.RootElement;
            named = Text(root, "issuer");
            jwksUri = Text(root, "jwks_uri");
            authorization = Text(root, "authorization_endpoint");
            token = Text(root, "token_endpoint");
        }
        catch (JsonException)
        {
            return Result<IssuerDiscovery>.Failed(TeamAccessErrorCode.DiscoveryFailed);
        }

        // OpenID Connect Discovery 1.0, section 4.3: the issuer in the document is exactly the one asked about.
        if (!string.Equals(named, issuer, StringComparison.Ordinal))
        {
            return Result<IssuerDiscovery>.Failed(TeamAccessErrorCode.IssuerMismatch);
        }

        if (jwksUri is null)
        {
            return Result<IssuerDiscovery>.Failed(TeamAccessErrorCode.DiscoveryFailed);
        }

        var keys = await GetAsync(jwksUri, cancellationToken).ConfigureAwait(false);
        if (!keys.TryGetValue(out var jwks))
        {
            return Result<IssuerDiscovery>.Failed(keys.Error!);
        }

        try
        {
            if (!new JsonWebKeySet(jwks).GetSigningKeys().Any(k => k is AsymmetricSecurityKey || (k is JsonWebKey jwk && jwk.Kty is "RSA" or "EC")))
            {
                return Result<IssuerDiscovery>.Failed(TeamAccessErrorCode.DiscoveryFailed);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException)
        {
            return Result<IssuerDiscovery>.Failed(TeamAccessErrorCode.DiscoveryFailed);
        }

        return Result<IssuerDiscovery>.Ok(new IssuerDiscovery(jwksUri, authorization, token));
    }

    /// <summary>Fetches one document after <see cref="CheckAsync"/>, within the host's time-out and size limit.</summary>
    public async ValueTask<Result<string>> GetAsync(string address, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(address, cancellationToken).ConfigureAwait(false);
        if (check is not TeamAccessErrorCode.None)
        {
            return Result<string>.Failed(check);
        }

        using var timeout = new CancellationTokenSource(Options.DiscoveryTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var client = new HttpClient(transport.Handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = MaxDocumentBytes };
            using var response = await client.GetAsync(new Uri(address), HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                _logger.IssuerFetchStatus(address, (int)response.StatusCode);
                return Result<string>.Failed(TeamAccessErrorCode.DiscoveryFailed);
            }

            return Result<string>.Ok(await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or IOException or InvalidOperationException)
        {
            _logger.IssuerFetchFailed(address, ex.GetType().Name);
            return Result<string>.Failed(ex.InnerException is IssuerAddresses.NotAllowedException || ex.InnerException?.InnerException is IssuerAddresses.NotAllowedException
                ? TeamAccessErrorCode.IssuerNotAllowed
                : TeamAccessErrorCode.DiscoveryFailed);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
