using DnsClient;
using Microsoft.Extensions.Options;

namespace TeamAccess.TeamSso;

/// <summary>
/// The lookup with DnsClient through the host's resolvers (or the name servers given), with the host's time-out, no
/// cache (a withdrawn record must be seen as withdrawn) and one retry.
/// </summary>
internal sealed class DnsClientTxtLookup : IDomainTxtLookup
{
    private readonly LookupClient _client;

    public DnsClientTxtLookup(IOptions<TeamAccessOptions> options)
        : this(options.Value.TeamSso.DnsTimeout, [])
    {
    }

    internal DnsClientTxtLookup(TimeSpan timeout, System.Net.IPEndPoint[] nameServers)
    {
        var lookupOptions = nameServers.Length == 0 ? new LookupClientOptions() : new LookupClientOptions(nameServers);
        lookupOptions.Timeout = timeout;
        lookupOptions.Retries = 1;
        lookupOptions.UseCache = false;
        lookupOptions.ThrowDnsErrors = false;
        lookupOptions.ContinueOnDnsError = false;
        _client = new LookupClient(lookupOptions);
    }

    public async ValueTask<IReadOnlyList<string>> LookupTxtAsync(string domain, CancellationToken cancellationToken)
    {
        var response = await _client.QueryAsync(domain, QueryType.TXT, QueryClass.IN, cancellationToken).ConfigureAwait(false);
        if (response.HasError && response.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
        {
            throw new DnsResponseException((DnsResponseCode)response.Header.ResponseCode);
        }

        return [.. response.Answers.TxtRecords().Select(r => string.Concat(r.Text))];
    }
}
