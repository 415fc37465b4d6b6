using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace TeamAccess.Accounts;

/// <summary>The addresses an issuer's host resolves to, and whether the fetch may reach them.</summary>
internal sealed class IssuerAddresses(IOptions<TeamAccessOptions> options, IHostAddressResolver resolver, TimeProvider time)
{
    private TeamSsoOptions Options => options.Value.TeamSso;

    /// <summary>The addresses the production transport may connect to for the host: all of them checked, none private unless allowed.</summary>
    public async ValueTask<IPAddress[]> AllowedAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await AddressesOfAsync(host, cancellationToken).ConfigureAwait(false);
        return addresses.Length == 0 || (!Options.AllowPrivateAddresses && addresses.Any(IsForbidden)) ? throw new NotAllowedException() : addresses;
    }

    /// <summary>
    /// Whether an address is one the discovery fetch must never reach: loopback, private (RFC 1918, unique local), shared
    /// (100.64/10), link-local, unspecified, multicast or broadcast, also as an IPv4 address mapped into IPv6.
    /// </summary>
    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 || b[0] >= 224 || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && (b[1] & 0xC0) == 64);
        }

        var v6 = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (v6[0] & 0xFE) == 0xFC;
    }

    private async ValueTask<IPAddress[]> AddressesOfAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        using var timeout = new CancellationTokenSource(Options.DiscoveryTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await resolver.ResolveAsync(host, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException();
        }
    }

    /// <summary>A connection would reach an address the host does not allow.</summary>
    internal sealed class NotAllowedException : Exception
    {
        public NotAllowedException()
            : base("The issuer resolves to an address the host does not allow.")
        {
        }
    }
}
