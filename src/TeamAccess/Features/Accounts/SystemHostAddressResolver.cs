using System.Net;

namespace TeamAccess.Accounts;

/// <summary>The system resolver.</summary>
internal sealed class SystemHostAddressResolver : IHostAddressResolver
{
    public async ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
}
