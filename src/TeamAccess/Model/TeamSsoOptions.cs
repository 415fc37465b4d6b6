namespace TeamAccess;

/// <summary>
/// How teams configure their own identity providers at run time and prove their email domains by DNS. The discovery
/// fetch of a team's issuer is a request the server makes to an address a team chose: it goes to HTTPS only, to hosts
/// the allow and deny lists admit, and never to a private, loopback, link-local or unspecified address unless
/// <see cref="AllowPrivateAddresses"/> is set.
/// </summary>
public sealed class TeamSsoOptions
{
    /// <summary>Gets or sets whether teams may configure identity providers of their own. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many identity providers one team may have. Default 3; 1 to 100.</summary>
    public int MaxProvidersPerTeam { get; set; } = 3;

    /// <summary>
    /// Gets the issuer hosts a team may use; empty allows every public host. An entry is a host name (<c>login.acme.example</c>)
    /// or a wildcard for its sub-domains (<c>*.okta.com</c>), compared without regard to case.
    /// </summary>
    public IList<string> AllowedIssuerHosts { get; } = [];

    /// <summary>Gets the issuer hosts a team may not use, in the same form as <see cref="AllowedIssuerHosts"/>; checked first.</summary>
    public IList<string> DeniedIssuerHosts { get; } = [];

    /// <summary>
    /// Gets or sets whether an issuer may resolve to a private, loopback, link-local or unspecified address. Default
    /// <see langword="false"/>; set it only where the teams are trusted with the host's own network (a test rig).
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Gets or sets how long one discovery or key fetch may take. Default 10 seconds; 1 second to 1 minute.</summary>
    public TimeSpan DiscoveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long one DNS lookup may take. Default 5 seconds; 1 to 30 seconds.</summary>
    public TimeSpan DnsTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how often a claimed domain is checked again in the background: a pending or failed claim may be
    /// verified, and a verified domain whose TXT record is gone expires. Default 1 hour; 1 minute to 7 days.
    /// </summary>
    public TimeSpan DomainRecheckInterval { get; set; } = TimeSpan.FromHours(1);

    internal IEnumerable<string> Validate()
    {
        if (MaxProvidersPerTeam is < 1 or > 100)
        {
            yield return $"TeamSso.MaxProvidersPerTeam must be between 1 and 100; it is {MaxProvidersPerTeam}.";
        }

        if (DiscoveryTimeout < TimeSpan.FromSeconds(1) || DiscoveryTimeout > TimeSpan.FromMinutes(1))
        {
            yield return $"TeamSso.DiscoveryTimeout must be between 1 second and 1 minute; it is {DiscoveryTimeout}.";
        }

        if (DnsTimeout < TimeSpan.FromSeconds(1) || DnsTimeout > TimeSpan.FromSeconds(30))
        {
            yield return $"TeamSso.DnsTimeout must be between 1 and 30 seconds; it is {DnsTimeout}.";
        }

        if (DomainRecheckInterval < TimeSpan.FromMinutes(1) || DomainRecheckInterval > TimeSpan.FromDays(7))
        {
            yield return $"TeamSso.DomainRecheckInterval must be between 1 minute and 7 days; it is {DomainRecheckInterval}.";
        }

        foreach (var host in AllowedIssuerHosts.Concat(DeniedIssuerHosts))
        {
            if (!Domains.IsValid((host ?? "").ToLowerInvariant().Replace("*.", "", StringComparison.Ordinal)))
            {
                yield return $"TeamSso issuer host '{host}' is not a host name or a '*.' wildcard of one.";
            }
        }
    }

    /// <summary>Whether the lists admit the issuer's host (deny first; an empty allow list admits every host).</summary>
    internal bool Admits(string host)
    {
        host = host.ToLowerInvariant();
        return !DeniedIssuerHosts.Any(entry => Matches(entry, host))
            && (AllowedIssuerHosts.Count == 0 || AllowedIssuerHosts.Any(entry => Matches(entry, host)));
    }

    private static bool Matches(string entry, string host)
    {
        entry = entry.ToLowerInvariant();
        return entry.StartsWith("*.", StringComparison.Ordinal) ? host.EndsWith(entry[1..], StringComparison.Ordinal) : host == entry;
    }
}
