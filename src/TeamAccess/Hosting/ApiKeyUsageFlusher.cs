using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;
using TeamAccess.Index;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.Hosting;

/// <summary>
/// Flushes the instance's API key uses and session uses (last seen) every <see cref="ApiKeyOptions.LastUsedFlushInterval"/>,
/// and once more when the host stops; each round also deletes a bounded batch of expired session records.
/// </summary>
internal sealed partial class ApiKeyUsageFlusher(
    ApiKeyUsageRecorder recorder,
    SessionActivityRecorder sessions,
    ISessionRecordStore sessionRecords,
    IOptions<TeamAccessOptions> options,
    TimeProvider time,
    ILogger<ApiKeyUsageFlusher>? logger = null)
    : IHostedService, IDisposable
{
    /// <summary>The most expired session records one round deletes: an indexed delete whose cost stays bounded.</summary>
    internal const int PruneBatch = 1_000;

    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        BackgroundLoop.CancelAndWait(_stop, _loop);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        BackgroundLoop.CancelAndWait(_stop, _loop);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ApiKeys.LastUsedFlushInterval, time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await FlushAsync(stop).ConfigureAwait(false);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await recorder.FlushAsync(cancellationToken).ConfigureAwait(false);
            await sessions.FlushAsync(cancellationToken).ConfigureAwait(false);
            await sessionRecords.PruneSessionsAsync(time.GetUtcNow() - options.Value.Sessions.ClockSkew, PruneBatch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (logger is not null)
            {
                LogFlushFailed(logger, exception);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 1240, EventName = "UsageFlushFailed", Level = LogLevel.Warning, Message = "Writing the last-used times of API keys or sessions failed; they are kept for the next flush.")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
