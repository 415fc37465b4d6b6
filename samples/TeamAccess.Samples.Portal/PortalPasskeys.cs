using TeamAccess;

namespace TeamAccess.Samples.Portal;

/// <summary>
/// The portal's passkey settings. <c>Portal:Passkeys:RelyingPartyId</c> and <c>Portal:Passkeys:Origins</c> (separated by
/// <c>;</c>) set them; in Development, without them, the relying party is <c>localhost</c> and the origins are the
/// addresses the portal listens on (<c>--urls</c> or ASPNETCORE_URLS, default <c>http://localhost:5000</c>) as the browser
/// names them: on localhost, with their port. An address on port 0 (a free port picked at start) cannot be an origin, so
/// passkeys stay off then unless the origins are given.
/// </summary>
internal static class PortalPasskeys
{
    /// <summary>The setting of the relying party id, such as <c>portal.example.com</c>.</summary>
    public const string RelyingPartyIdKey = "Portal:Passkeys:RelyingPartyId";

    /// <summary>The setting of the origins, such as <c>https://portal.example.com</c>.</summary>
    public const string OriginsKey = "Portal:Passkeys:Origins";

    /// <summary>Sets the passkey options from the settings, or the Development defaults.</summary>
    public static void Configure(PasskeyOptions passkeys, IHostEnvironment environment, IConfiguration configuration)
    {
        var origins = Split(configuration[OriginsKey]);
        var relyingParty = configuration[RelyingPartyIdKey];
        if (relyingParty is null && environment.IsDevelopment())
        {
            relyingParty = "localhost";
            if (origins.Count == 0)
            {
                origins = [.. Split(configuration["urls"] ?? "http://localhost:5000").Select(LocalOrigin).OfType<string>().Distinct(StringComparer.Ordinal)];
            }
        }

        if (string.IsNullOrEmpty(relyingParty) || origins.Count == 0)
        {
            return;
        }

        passkeys.RelyingPartyId = relyingParty;
        passkeys.RelyingPartyName = "Team portal";
        foreach (var origin in origins)
        {
            passkeys.Origins.Add(origin);
        }
    }

    private static List<string> Split(string? list) =>
        [.. (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>A listening address as a browser on this machine names it (<c>http://127.0.0.1:5000</c> is <c>http://localhost:5000</c>), or <see langword="null"/> without a fixed port.</summary>
    private static string? LocalOrigin(string url)
    {
        var normalized = url.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Port == 0)
        {
            return null;
        }

        return uri.IsDefaultPort ? $"{uri.Scheme}://localhost" : $"{uri.Scheme}://localhost:{uri.Port}";
    }
}
