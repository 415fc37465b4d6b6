using System.Net;
using System.Net.Sockets;

namespace TeamAccess.Accounts;

/// <summary>
/// The HTTP transport of issuer fetches: by default a handler that follows no redirect and connects only to an address
/// it resolved and checked itself; tests give a handler that serves documents.
/// </summary>
internal sealed class IssuerTransport(HttpMessageHandler handler) : IDisposable
{
    public HttpMessageHandler Handler { get; } = handler;

    /// <summary>The production transport: the connection goes to the first allowed address of the host, checked at connect time.</summary>
    public static IssuerTransport Guarded(Func<string, CancellationToken, ValueTask<IPAddress[]>> allowedAddresses) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await allowedAddresses(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    public void Dispose() => Handler.Dispose();
}
