using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Hosting;

namespace TeamAccess.Index;

/// <summary>
/// Keeps this instance's permission index current with every commit to the store, whichever instance made it: it reads
/// the change feed from the position taken before the start-up load (so nothing committed during the load is lost),
/// and for each changed team whose version the index does not hold yet it reloads that team and swaps it in. It polls
/// at half the staleness bound and wakes at once when a notifier tells of a commit. An entry is applied by version, so
/// reading one twice, or after the instance's own write already applied it, changes nothing.
/// </summary>
internal sealed class ChangeFeedFollower : IAsyncDisposable, IDisposable
{
    private readonly AccessEngine _engine;
    private readonly ITeamStore _teams;
    private readonly IChangeFeed? _feed;
    private readonly IChangeFeedNotifier[] _notifiers;
    private readonly TimeProvider _time;
    private readonly ChangeFeedOptions _options;
    private readonly ILogger _logger;
    private readonly SessionStateCache? _sessions;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _progress = NewProgress();
    private Task? _loop;
    private long _position;
    private long _lastReadTimestamp;
    private bool _reportedStale;
    private int _started;
    private long _reads;
    private long _backlog;
    private readonly TeamAccessTelemetry _telemetry;

    public ChangeFeedFollower(
        AccessEngine engine,
        ITeamStore teams,
        IEnumerable<IChangeFeedNotifier> notifiers,
        TimeProvider time,
        IOptions<TeamAccessOptions> options,
        IChangeFeed? feed = null,
        ILogger<ChangeFeedFollower>? logger = null,
        SessionStateCache? sessions = null,
        TeamAccessTelemetry? telemetry = null)
    {
        _telemetry = telemetry ?? TeamAccessTelemetry.Unregistered;
        _sessions = sessions;
        _engine = engine;
        _teams = teams;
        _feed = feed;
        _notifiers = [.. notifiers];
        _time = time;
        _options = options.Value.ChangeFeed;
        _logger = logger ?? NullLogger<ChangeFeedFollower>.Instance;
        _lastReadTimestamp = time.GetTimestamp();
        engine.Follower = this;
    }

    /// <summary>Gets how many entries the last complete read of the feed found waiting (0 when this instance was up to date).</summary>
    public long Backlog => Interlocked.Read(ref _backlog);

    /// <summary>Raised after a read of the feed that found commits (the event dispatcher wakes on it).</summary>
    public event Action? Advanced;

    /// <summary>Gets the last feed position applied.</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>Gets how many reads of the feed through to its end have completed (the loop's first one is at start).</summary>
    public long CompletedReads => Interlocked.Read(ref _reads);

    /// <summary>Gets whether the store has a change feed to follow.</summary>
    public bool HasFeed => _feed is not null;

    /// <summary>Gets how long ago the feed was last read through to its end.</summary>
    public TimeSpan SinceLastRead => _time.GetElapsedTime(Interlocked.Read(ref _lastReadTimestamp));

    /// <summary>Gets whether the feed has not been read for longer than the staleness bound.</summary>
    public bool IsStale => _feed is not null && _started != 0 && SinceLastRead > _options.StalenessBound;

    /// <summary>Reads the position to follow from, before the start-up load reads the teams.</summary>
    public ValueTask<long> GetHeadAsync(CancellationToken cancellationToken) =>
        _feed?.GetHeadAsync(cancellationToken) ?? ValueTask.FromResult(0L);

    /// <summary>Starts following from <paramref name="position"/> (taken before the start-up load). Later calls do nothing.</summary>
    public void Start(long position)
    {
        if (_feed is null || Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        Volatile.Write(ref _position, position);
        Interlocked.Exchange(ref _lastReadTimestamp, _time.GetTimestamp());
        var stop = _stop.Token;
        foreach (var notifier in _notifiers)
        {
            _ = ListenAsync(notifier, stop);
        }

        _loop = Task.Run(() => RunAsync(stop), CancellationToken.None);
    }

    /// <summary>Asks the loop to read the feed now.</summary>
    public void Wake()
    {
        // One pending wake-up is enough: the read it causes sees every commit before it.
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

    /// <summary>
    /// Reads the feed through to its end and brings every changed team up to the version the feed names. Safe to call
    /// beside the loop (one reader at a time).
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (_feed is null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var from = Volatile.Read(ref _position);
        Activity? span = null;
        try
        {
            var started = _time.GetTimestamp();
            var teams = new Dictionary<TeamId, long>();
            var read = 0L;
            while (true)
            {
                var batch = await _feed.ReadAsync(Volatile.Read(ref _position), _options.BatchSize, cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    break;
                }

                // A span only for a read that found commits: the polls that find none would drown the traces.
                span ??= TeamAccessTelemetry.Start("ChangeFeedCatchUp");
                span?.SetTag("teamaccess.change_feed.from", from);
                read += batch.Count;
                _telemetry.ChangeFeedEntries.Add(batch.Count);

                teams.Clear();
                foreach (var entry in batch)
                {
                    if (entry.TeamId is { } team && entry.TeamVersion > teams.GetValueOrDefault(team))
                    {
                        teams[team] = entry.TeamVersion;
                    }

                    if (entry.UserId is { } user)
                    {
                        // A sign-out, a sign-out everywhere, a password change: what this instance knew of the user's
                        // sessions is read again at their next validation.
                        _sessions?.Evict(user);
                    }
                }

                foreach (var (team, version) in teams)
                {
                    if (_engine.VersionOf(team) < version)
                    {
                        await ReloadAsync(team, cancellationToken).ConfigureAwait(false);
                    }
                }

                Volatile.Write(ref _position, batch[^1].Position);
                if (batch.Count < _options.BatchSize)
                {
                    break;
                }
            }

            Interlocked.Exchange(ref _lastReadTimestamp, started);
            Interlocked.Exchange(ref _backlog, read);
            Interlocked.Increment(ref _reads);
            if (span is not null)
            {
                span.SetTag("teamaccess.change_feed.entries", read);
                span.SetTag("teamaccess.change_feed.position", Volatile.Read(ref _position));
            }

            if (_reportedStale)
            {
                _reportedStale = false;
                _logger.FeedFollowedAgain(Position);
            }

            _engine.Refusing = false;
        }
        finally
        {
            span?.Dispose();
            _gate.Release();
            Interlocked.Exchange(ref _progress, NewProgress()).TrySetResult();
        }

        if (Volatile.Read(ref _position) != from)
        {
            Advanced?.Invoke();
        }
    }

    /// <summary>
    /// Brings the team to at least the token's version: waits for the feed up to <see cref="ChangeFeedOptions.ConsistencyWait"/>,
    /// then reads the team from the store.
    /// </summary>
    /// <returns>Whether the index now holds the token's version of the team, or a newer one.</returns>
    public async ValueTask<bool> WaitForAsync(ConsistencyToken token, CancellationToken cancellationToken)
    {
        if (_engine.VersionOf(token.TeamId) >= token.Version)
        {
            return true;
        }

        if (_loop is not null && _options.ConsistencyWait > TimeSpan.Zero)
        {
            // Two reads of the feed through to its end at most: the second starts after this call, so a committed write
            // is in it; a token still ahead after that is not in the feed (yet), and waking the follower again would only
            // spend a feed read per round.
            var started = _time.GetTimestamp();
            for (var round = 0; round < 2 && _time.GetElapsedTime(started) < _options.ConsistencyWait; round++)
            {
                var progress = Volatile.Read(ref _progress).Task;
                Wake();
                var remaining = _options.ConsistencyWait - _time.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                await Task.WhenAny(progress, Task.Delay(remaining, _time, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (_engine.VersionOf(token.TeamId) >= token.Version)
                {
                    return true;
                }
            }
        }

        // One row read first: a token ahead of the store (forged, or from another store) is answered without loading the
        // team, which for a big team is a whole snapshot.
        var stored = await _teams.FindTeamAsync(token.TeamId, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Version < token.Version)
        {
            return false;
        }

        await ReloadAsync(token.TeamId, cancellationToken).ConfigureAwait(false);
        return _engine.VersionOf(token.TeamId) >= token.Version;
    }

    /// <summary>Reads one team from the store and swaps it into the index (a newer version already there stays).</summary>
    public async ValueTask ReloadAsync(TeamId teamId, CancellationToken cancellationToken)
    {
        var snapshot = await _teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (snapshot is not null)
        {
            _engine.Apply(snapshot);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }

        _stop.Dispose();
    }

    /// <summary>Stops following, for hosts that dispose their container synchronously.</summary>
    public void Dispose()
    {
        BackgroundLoop.CancelAndWait(_stop, _loop);

        _stop.Dispose();
    }

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task RunAsync(CancellationToken stop)
    {
        var poll = _options.StalenessBound / 2;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                _logger.FeedReadFailed(exception);
                if (IsStale)
                {
                    if (!_reportedStale)
                    {
                        _reportedStale = true;
                        _logger.FeedStale(exception, SinceLastRead, _options.StalenessBound, _options.FailClosedWhenStale ? "are refused" : "answer from the last state read");
                    }

                    _engine.Refusing = _options.FailClosedWhenStale;
                }
            }

            try
            {
                await Task.WhenAny(_wake.WaitAsync(stop), Task.Delay(poll, _time, stop)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(IChangeFeedNotifier notifier, CancellationToken stop)
    {
        try
        {
            await notifier.ListenAsync(Wake, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception exception)
        {
            // Polling still meets the bound without the wake-up.
            _logger.FeedNotifierStopped(exception, notifier.GetType().Name);
        }
    }
}
