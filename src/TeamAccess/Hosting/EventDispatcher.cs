using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TeamAccess;

/// <summary>
/// Delivers the audit log, as typed <see cref="TeamAccessEvent"/>s, to the host's <see cref="ITeamAccessEventHandler"/>s.
/// Events are a projection of what the store committed, not of service code, so every path that changes a team (the
/// services, invitations, just-in-time joining, SSO, ownership, an import) is delivered alike. It reads the events after
/// the consumer's stored position in sequence order (sequence numbers follow commit order: the store's promise, kept
/// on PostgreSQL by numbering under the feed's advisory lock, so no gap can later fill in), hands each to every handler
/// in one scope per batch, and stores the position after the batch. A handler that throws stops delivery at that event:
/// the position of the events before it is stored, and the event is delivered again after a back-off that doubles up to
/// <see cref="EventOptions.MaxRetryDelay"/>, so nothing is lost and nothing is delivered out of order.
/// </summary>
internal sealed class EventDispatcher : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IAuditStore _audit;
    private readonly IChangeFeedCheckpoints _checkpoints;
    private readonly TimeProvider _time;
    private readonly EventOptions _options;
    private readonly ChangeFeedFollower? _follower;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _position = -1;
    private int _started;
    private int _attempt;
    private int _released;

    public EventDispatcher(
        IServiceScopeFactory scopes,
        IAuditStore audit,
        IChangeFeedCheckpoints checkpoints,
        TimeProvider time,
        IOptions<TeamAccessOptions> options,
        ChangeFeedFollower? follower = null,
        ILogger<EventDispatcher>? logger = null)
    {
        _scopes = scopes;
        _audit = audit;
        _checkpoints = checkpoints;
        _time = time;
        _options = options.Value.Events;
        _follower = follower;
        _logger = logger ?? NullLogger<EventDispatcher>.Instance;
    }

    /// <summary>Gets the sequence number of the last event every handler has handled; -1 before the stored one is read.</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>Starts delivering in the background; later calls do nothing.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            if (_follower is not null)
            {
                _follower.Advanced += Wake;
            }

            var stop = _stop.Token;
            _loop = Task.Run(() => RunAsync(stop), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops delivering: the event being handled sees its token cancelled, and the position handled so far is kept.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Asks the loop to read the audit log now.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another wake-up won the race; the same read serves both.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        Release();
    }

    public void Dispose()
    {
        BackgroundLoop.CancelAndWait(_stop, _loop);

        Release();
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        if (_follower is not null)
        {
            _follower.Advanced -= Wake;
        }

        _stop.Dispose();
        _wake.Dispose();
    }

    /// <summary>The stored position; on the consumer's first start, the beginning or the end of the log as configured.</summary>
    private async ValueTask<long> StartPositionAsync(CancellationToken stop)
    {
        if (await _checkpoints.GetPositionAsync(_options.Consumer, stop).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        if (_options.StartFrom == EventStart.Beginning)
        {
            return 0;
        }

        // What the log holds already is history, not news. The end is stored before anything is delivered, so a restart
        // resumes there and never skips an event committed after it.
        var end = await _audit.GetLastSequenceAsync(stop).ConfigureAwait(false);
        await _checkpoints.SetPositionAsync(_options.Consumer, end, stop).ConfigureAwait(false);
        _logger.LogInformation("TeamAccess event consumer {Consumer} starts at the end of the audit log, after event {Sequence}", _options.Consumer, end);
        return end;
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                if (Position < 0)
                {
                    Volatile.Write(ref _position, await StartPositionAsync(stop).ConfigureAwait(false));
                }

                var (read, failed) = await DeliverBatchAsync(stop).ConfigureAwait(false);
                wait = failed ? Backoff() : read == _options.BatchSize ? TimeSpan.Zero : _options.PollInterval;
                if (!failed)
                {
                    _attempt = 0;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The store could not be read, or the position not stored: the same events are read again.
                wait = Backoff();
                _logger.LogWarning(exception, "TeamAccess could not read the audit log for event consumer {Consumer}; trying again in {Delay}", _options.Consumer, wait);
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    if (_attempt > 0)
                    {
                        // A failing event waits out its whole back-off, whatever commits meanwhile.
                        await Task.Delay(wait, _time, stop).ConfigureAwait(false);
                    }
                    else
                    {
                        await Task.WhenAny(_wake.WaitAsync(stop), Task.Delay(wait, _time, stop)).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private TimeSpan Backoff()
    {
        var attempt = Math.Min(++_attempt, 30);
        var delay = _options.RetryDelay * Math.Pow(2, attempt - 1);
        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }

    /// <returns>How many events were read, and whether a handler failed on one of them.</returns>
    private async Task<(int Read, bool Failed)> DeliverBatchAsync(CancellationToken stop)
    {
        var batch = await _audit.ReadAllAsync(Position, _options.BatchSize, stop).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return (0, false);
        }

        var handled = Position;
        var failed = false;
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handlers = scope.ServiceProvider.GetServices<ITeamAccessEventHandler>().ToArray();
            foreach (var audit in batch)
            {
                var teamAccessEvent = TeamAccessEvents.From(audit);
                if (!await HandleAsync(handlers, teamAccessEvent, stop).ConfigureAwait(false))
                {
                    failed = true;
                    break;
                }

                handled = audit.Sequence;
            }
        }

        if (handled > Position)
        {
            // Stored even when the host is stopping, so a restart does not deliver what was handled again.
            await _checkpoints.SetPositionAsync(_options.Consumer, handled, CancellationToken.None).ConfigureAwait(false);
            Volatile.Write(ref _position, handled);
        }

        stop.ThrowIfCancellationRequested();
        return (batch.Count, failed);
    }

    private async Task<bool> HandleAsync(ITeamAccessEventHandler[] handlers, TeamAccessEvent teamAccessEvent, CancellationToken stop)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(teamAccessEvent, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception exception)
            {
                // The event names its sequence, action and subject id, never its snapshots: no address or name is logged.
                var level = _attempt >= 5 ? LogLevel.Error : LogLevel.Warning;
                _logger.Log(
                    level,
                    exception,
                    "TeamAccess event handler {Handler} failed on event {Sequence} ({Action}, key {IdempotencyKey}), attempt {Attempt}; it is delivered again after a back-off, and no later event before it",
                    handler.GetType().Name,
                    teamAccessEvent.Sequence,
                    teamAccessEvent.Action,
                    teamAccessEvent.IdempotencyKey,
                    _attempt + 1);
                return false;
            }
        }

        return true;
    }
}
