using DnsClient;

namespace TeamAccess.TeamSso;

/// <summary>Reads a domain's TXT records (an interface over the lookup, so tests give their own answers).</summary>
internal interface IDomainTxtLookup
{
    /// <summary>The TXT strings published at <paramref name="domain"/>; empty when it has none or does not exist.</summary>
    /// <exception cref="DnsResponseException">The lookup failed or timed out (the answer is unknown, not "absent").</exception>
    ValueTask<IReadOnlyList<string>> LookupTxtAsync(string domain, CancellationToken cancellationToken);
}
