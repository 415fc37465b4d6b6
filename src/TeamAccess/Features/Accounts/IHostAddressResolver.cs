using System.Net;

namespace TeamAccess.Accounts;

/// <summary>Resolves a host name to its addresses (the system resolver by default; tests give their own).</summary>
internal interface IHostAddressResolver
{
    ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
