using Microsoft.Extensions.Hosting;
using TeamAccess.Index;
using TeamAccess.Writes;

namespace TeamAccess.Hosting;

/// <summary>
/// Empties the background mail queue (<see cref="MailOptions.DeliverInBackground"/>) while the host runs; when the host
/// stops, delivers what is still queued within the host's shutdown time. Does nothing when mail goes out inside requests.
/// </summary>
internal sealed class MessageDeliveryLoop(MessageDelivery delivery, TeamAccessMetrics metrics) : IHostedService, IDisposable
{
    /// <summary>Gets the instance's meter, which starts with the host's hosted services (this loop is the first of them).</summary>
    internal TeamAccessMetrics Metrics => metrics;

    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _drain = new();
    private Task? _loop;
    private int _started;
    private int _disposed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (delivery.InBackground && Interlocked.Exchange(ref _started, 1) == 0)
        {
            _loop = Task.Run(() => delivery.RunAsync(_stop.Token, _drain.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        using (cancellationToken.Register(static d => ((CancellationTokenSource)d!).Cancel(), _drain))
        {
            await _loop.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        // Registered as itself and as a hosted service: the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _drain.Cancel();
        BackgroundLoop.CancelAndWait(_stop, _loop);
        _stop.Dispose();
        _drain.Dispose();
    }
}
