using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamAccess.Accounts;
using TeamAccess.TeamSso;

namespace TeamAccess.Testing;

/// <summary>
/// The network a team's provider and domains are judged over, played by the test: host names resolve to the addresses
/// it says, issuers serve the discovery documents and keys of <see cref="TestIdentityProvider"/>s (or documents it
/// writes), and domains publish the TXT records it sets. Register with <see cref="AddTo"/> before <c>AddTeamAccess</c>.
/// </summary>
public sealed class TeamSsoFakes
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Func<string>> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _txt = new(StringComparer.Ordinal);

    /// <summary>Gets how many HTTP requests reached the fake network.</summary>
    public int Requests => _requests;

    /// <summary>Gets or sets whether every DNS TXT lookup fails (a resolver that does not answer).</summary>
    public bool DnsDown { get; set; }

    private int _requests;

    /// <summary>Makes a host name resolve to the addresses.</summary>
    /// <param name="host">The host name.</param>
    /// <param name="addresses">Its addresses.</param>
    public void Resolve(string host, params string[] addresses) => _hosts[host] = [.. addresses.Select(IPAddress.Parse)];

    /// <summary>Serves the provider's discovery document (naming <paramref name="documentIssuer"/>, its own issuer by default) and keys; its host resolves to a public address.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="documentIssuer">The issuer the document names.</param>
    public void Serve(TestIdentityProvider provider, string? documentIssuer = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var issuer = provider.Issuer.TrimEnd('/');
        _hosts.TryAdd(new Uri(issuer).Host, [IPAddress.Parse("93.184.216.34")]);
        _documents[issuer + "/.well-known/openid-configuration"] = () =>
            $"{{\"issuer\":\"{documentIssuer ?? provider.Issuer}\",\"jwks_uri\":\"{issuer}/jwks\",\"authorization_endpoint\":\"{issuer}/authorize\",\"token_endpoint\":\"{issuer}/token\"}}";
        _documents[issuer + "/jwks"] = provider.Jwks;
    }

    /// <summary>Publishes (or, with none, withdraws) a domain's TXT records.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="records">Its TXT strings.</param>
    public void Publish(string domain, params string[] records) => _txt[domain] = records;

    /// <summary>Registers the fakes as the resolver, the issuer transport and the TXT lookup.</summary>
    /// <param name="services">The host's services.</param>
    public void AddTo(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IHostAddressResolver>();
        services.RemoveAll<IssuerTransport>();
        services.RemoveAll<IDomainTxtLookup>();
        services.AddSingleton<IHostAddressResolver>(new Resolver(this));
        services.AddSingleton(new IssuerTransport(new Handler(this)));
        services.AddSingleton<IDomainTxtLookup>(new Txt(this));
    }

    private sealed class Resolver(TeamSsoFakes network) : IHostAddressResolver
    {
        public ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            network._hosts.TryGetValue(host, out var addresses) ? ValueTask.FromResult(addresses) : throw new System.Net.Sockets.SocketException(11001);
    }

    private sealed class Handler(TeamSsoFakes network) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref network._requests);
            var found = network._documents.TryGetValue(request.RequestUri!.ToString(), out var document);
            return Task.FromResult(found
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(document!()) }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }

    private sealed class Txt(TeamSsoFakes network) : IDomainTxtLookup
    {
        public ValueTask<IReadOnlyList<string>> LookupTxtAsync(string domain, CancellationToken cancellationToken) =>
            network.DnsDown ? throw new DnsClient.DnsResponseException("The fake resolver is down.")
            : ValueTask.FromResult<IReadOnlyList<string>>(network._txt.TryGetValue(domain, out var records) ? records : []);
    }
}
