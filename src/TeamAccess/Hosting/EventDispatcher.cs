using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Events;
using TeamAccess.Index;

namespace TeamAccess.Hosting;

/// <summary>
/// Delivers the audit log, as typed <see cref="TeamAccessEvent"/>s, to the host's <see cref="ITeamAccessEventHandler"/>s.
/// Events are a projection of what the store committed, not of service code, so every path that changes a team (the
/// services, invitations, just-in-time joining, SSO, ownership, an import) is delivered alike. It reads the events after
/// the consumer's stored position in sequence order (sequence numbers follow commit order: the store's promise, kept
/// on PostgreSQL by numbering under the feed's advisory lock, so no gap can later fill in) and hands each to every handler.
/// <para>
/// Order is promised per order key: the event's team, or, for an event without a team, its subject. A handler that
/// throws holds that event, and every later event of its key waits behind it, while other keys' events are delivered on.
/// A held event is tried again after a back-off that doubles up to <see cref="EventOptions.MaxRetryDelay"/>; when it is
/// taken, the events that waited behind it follow in order. The host lists held events, and skips one into a dead letter
/// that it can replay, through <see cref="ITeamAccessEventAdmin"/>.
/// </para>
/// <para>
/// What is stored, so that a restart neither skips nor repeats: the position (through <see cref="IChangeFeedCheckpoints"/>)
/// is the last event read, each either delivered or recorded (through <see cref="IHeldEventStore"/>) as held or waiting.
/// A record is written before the position moves past its event, and removed only after the event is delivered; so after
/// a restart every event at or before the position was delivered or has a record, and the records' events are delivered
/// first, per key in sequence order, before anything after the position. A process killed between writing records and
/// storing the position reads that batch again: events with a record are left to their record; events of other keys in
/// that one batch are delivered again (at least once, as a killed handler's event always was).
/// </para>
/// </summary>
internal sealed partial class EventDispatcher : IHostedService, IAsyncDisposable, IDisposable, ITeamAccessEventAdmin
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IAuditStore _audit;
    private readonly IChangeFeedCheckpoints _checkpoints;
    private readonly IHeldEventStore _heldStore;
    private readonly TimeProvider _time;
    private readonly EventOptions _options;
    private readonly ChangeFeedFollower? _follower;
    private readonly ILogger _logger;
    private readonly TeamAccessTelemetry _telemetry;
    private readonly ConsumerLease _lease;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();

    // Under _gate: each order key's held events (the failing one first), every record's sequence number, and when each
    // failing event is due again (in memory only: a restart tries held events at once).
    private readonly Dictionary<string, List<HeldEvent>> _held = new(StringComparer.Ordinal);
    private readonly HashSet<long> _recorded = [];
    private readonly Dictionary<long, DateTimeOffset> _due = [];
    private bool _heldLoaded;
    private Task? _loop;
    private long _position = -1;
    private int _started;
    private int _attempt;
    private int _released;
    private int _heldCount;
    private int _mostAttempts;
    private long _lastDelayTicks;

    public EventDispatcher(
        IServiceScopeFactory scopes,
        IAuditStore audit,
        IChangeFeedCheckpoints checkpoints,
        IHeldEventStore heldStore,
        ITryCounterStore counters,
        TimeProvider time,
        IOptions<TeamAccessOptions> options,
        ChangeFeedFollower? follower = null,
        ILogger<EventDispatcher>? logger = null,
        TeamAccessTelemetry? telemetry = null)
    {
        _telemetry = telemetry ?? TeamAccessTelemetry.Unregistered;
        _scopes = scopes;
        _audit = audit;
        _checkpoints = checkpoints;
        _heldStore = heldStore;
        _time = time;
        _options = options.Value.Events;
        _follower = follower;
        _logger = logger ?? NullLogger<EventDispatcher>.Instance;
        _lease = new ConsumerLease(counters, time, _options);
    }

    /// <summary>Gets the consumer's name.</summary>
    public string Consumer => _options.Consumer;

    /// <summary>Gets how long the last event this instance handed to the handlers had waited since it was recorded.</summary>
    public TimeSpan LastDelay => TimeSpan.FromTicks(Interlocked.Read(ref _lastDelayTicks));

    /// <summary>Gets the sequence number of the last event read: delivered, or held with a record; -1 before the stored one is read.</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>Gets how many events are held (failing, or waiting behind a failing one of their key), as this instance last knew.</summary>
    public int HeldCount => Volatile.Read(ref _heldCount);

    /// <summary>Gets the most failed deliveries of one held event, as this instance last knew.</summary>
    public int MostAttempts => Volatile.Read(ref _mostAttempts);

    /// <summary>Gets whether a held event has failed <see cref="EventOptions.MaxAttemptsBeforeDegraded"/> times or more.</summary>
    public bool IsDegraded => MostAttempts >= _options.MaxAttemptsBeforeDegraded;

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
            try
            {
                // The loop has ended: hand the consumer to another instance now rather than when the slot runs out.
                await _lease.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _logger.LeaseNotReturned(exception, _options.Consumer);
            }
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
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile: nothing is delivered any more.
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
        _gate.Dispose();
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
        _logger.ConsumerStartsAtEnd(_options.Consumer, end);
        return end;
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                await _gate.WaitAsync(stop).ConfigureAwait(false);
                try
                {
                    wait = await RunOnceAsync(stop).ConfigureAwait(false);
                }
                finally
                {
                    _gate.Release();
                }

                _attempt = 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The store could not be read or written: what was not stored is read again.
                _heldLoaded = false;
                wait = Backoff(++_attempt);
                _logger.AuditReadFailed(exception, _options.Consumer, wait);
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    if (_attempt > 0)
                    {
                        // A failing store waits out its whole back-off, whatever commits meanwhile.
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

    /// <returns>How long to wait before the next round.</returns>
    private async Task<TimeSpan> RunOnceAsync(CancellationToken stop)
    {
        var (holds, gained) = await _lease.HoldAsync(stop).ConfigureAwait(false);
        if (!holds)
        {
            // Another instance delivers under this consumer name; this one checks again when the lease may be free.
            return _lease.UntilNextCheck();
        }

        if (gained)
        {
            // Another instance may have delivered since this one last did: its position and records are the truth.
            Volatile.Write(ref _position, -1);
            _heldLoaded = false;
        }

        if (Position < 0)
        {
            Volatile.Write(ref _position, await StartPositionAsync(stop).ConfigureAwait(false));
        }

        if (!_heldLoaded || _held.Count > 0)
        {
            // The records are the truth (another instance, or the host through the admin, may have changed them).
            await LoadHeldAsync(stop).ConfigureAwait(false);
        }

        int read;
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handlers = scope.ServiceProvider.GetServices<ITeamAccessEventHandler>().ToArray();
            await RetryHeldAsync(handlers, stop).ConfigureAwait(false);
            read = await DeliverBatchAsync(handlers, stop).ConfigureAwait(false);
        }

        Publish();
        var wait = read == _options.BatchSize ? TimeSpan.Zero : _options.PollInterval;
        if (_due.Count > 0)
        {
            var untilDue = _due.Values.Min() - _time.GetUtcNow();
            wait = untilDue < wait ? (untilDue > TimeSpan.Zero ? untilDue : TimeSpan.Zero) : wait;
        }

        var untilLease = _lease.UntilNextCheck();
        return untilLease < wait ? untilLease : wait;
    }

    private async ValueTask LoadHeldAsync(CancellationToken stop)
    {
        var records = await _heldStore.ListHeldEventsAsync(_options.Consumer, stop).ConfigureAwait(false);
        _held.Clear();
        _recorded.Clear();
        foreach (var record in records.OrderBy(r => r.Sequence))
        {
            _recorded.Add(record.Sequence);
            if (record.State == HeldEventState.Held)
            {
                if (!_held.TryGetValue(record.OrderKey, out var events))
                {
                    _held[record.OrderKey] = events = [];
                }

                events.Add(record);
            }
        }

        foreach (var sequence in _due.Keys.Where(s => !_held.Values.Any(e => e[0].Sequence == s)).ToList())
        {
            _due.Remove(sequence);
        }

        _heldLoaded = true;
        Publish();
    }

    private void Publish()
    {
        Volatile.Write(ref _heldCount, _held.Values.Sum(e => e.Count));
        Volatile.Write(ref _mostAttempts, _held.Values.Select(e => e[0].Attempts).DefaultIfEmpty(0).Max());
    }

    /// <summary>Delivers each key's held events in order, from its failing one on, once that one is due again.</summary>
    private async ValueTask RetryHeldAsync(ITeamAccessEventHandler[] handlers, CancellationToken stop)
    {
        foreach (var (key, events) in _held.ToList())
        {
            while (events.Count > 0)
            {
                var head = events[0];
                if (_due.TryGetValue(head.Sequence, out var due) && due > _time.GetUtcNow())
                {
                    break;
                }

                if (await ReadEventAsync(head.Sequence, stop).ConfigureAwait(false) is not { } audit)
                {
                    // Not in the log (never the case for a record this dispatcher wrote): nothing to deliver.
                    _logger.HeldEventMissing(head.Sequence, _options.Consumer);
                }
                else
                {
                    var error = await HandleAsync(handlers, TeamAccessEvents.From(audit), head.Attempts + 1, key, stop).ConfigureAwait(false);
                    stop.ThrowIfCancellationRequested();
                    if (error is not null)
                    {
                        await HoldAsync(events, 0, head with { Attempts = head.Attempts + 1, LastError = error }).ConfigureAwait(false);
                        break;
                    }
                }

                await _heldStore.RemoveHeldEventAsync(_options.Consumer, head.Sequence, CancellationToken.None).ConfigureAwait(false);
                _recorded.Remove(head.Sequence);
                _due.Remove(head.Sequence);
                events.RemoveAt(0);
            }

            if (events.Count == 0)
            {
                _held.Remove(key);
            }
        }
    }
}
