using System.Globalization;
using Microsoft.Extensions.Logging;
using TeamAccess.Events;

namespace TeamAccess.Hosting;

/// <content>A batch read after the position and each event handed to the handlers: its order key, the hand-over with its failure logged without the event's data, and the record and back-off of a failed one.</content>
internal sealed partial class EventDispatcher
{
    /// <returns>How many events were read after the position.</returns>
    private async Task<int> DeliverBatchAsync(ITeamAccessEventHandler[] handlers, CancellationToken stop)
    {
        var batch = await _audit.ReadAllAsync(Position, _options.BatchSize, stop).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var span = TeamAccessTelemetry.Start("EventDelivery");
        span?.SetTag(TeamAccessTelemetry.Consumer, _options.Consumer);
        span?.SetTag("teamaccess.events.count", batch.Count);
        var consumer = new KeyValuePair<string, object?>(TeamAccessTelemetry.Consumer, _options.Consumer);
        var handled = Position;
        foreach (var audit in batch)
        {
            if (stop.IsCancellationRequested)
            {
                break;
            }

            if (!_recorded.Contains(audit.Sequence))
            {
                var key = OrderKeyOf(audit);
                if (_held.TryGetValue(key, out var events))
                {
                    // Its key has a held event: it waits behind it, recorded before the position moves past it.
                    var waiting = new HeldEvent(_options.Consumer, audit.Sequence, key, HeldEventState.Held, 0, _time.GetUtcNow());
                    await _heldStore.SaveHeldEventAsync(waiting, CancellationToken.None).ConfigureAwait(false);
                    _recorded.Add(audit.Sequence);
                    events.Add(waiting);
                    _telemetry.EventsDelivered.Add(1, consumer, new(TeamAccessTelemetry.Outcome, "held"));
                }
                else
                {
                    var error = await HandleAsync(handlers, TeamAccessEvents.From(audit), 1, key, stop).ConfigureAwait(false);
                    if (stop.IsCancellationRequested)
                    {
                        // Cut short by the stop: neither delivered nor held, so it stays after the stored position.
                        break;
                    }

                    _telemetry.EventsDelivered.Add(1, consumer, new(TeamAccessTelemetry.Outcome, error is null ? "delivered" : "held"));
                    Interlocked.Exchange(ref _lastDelayTicks, Math.Max(0, (_time.GetUtcNow() - audit.OccurredAt).Ticks));
                    if (error is not null)
                    {
                        var list = new List<HeldEvent>();
                        _held[key] = list;
                        await HoldAsync(list, -1, new HeldEvent(_options.Consumer, audit.Sequence, key, HeldEventState.Held, 1, _time.GetUtcNow(), error)).ConfigureAwait(false);
                    }
                }
            }

            handled = audit.Sequence;
        }

        if (handled > Position)
        {
            // Stored even when the host is stopping, so a restart does not deliver what was handled again.
            await _checkpoints.SetPositionAsync(_options.Consumer, handled, CancellationToken.None).ConfigureAwait(false);
            Volatile.Write(ref _position, handled);
        }

        stop.ThrowIfCancellationRequested();
        return batch.Count;
    }

    /// <summary>What an event's order is promised within: its team, or, without a team, its subject.</summary>
    internal static string OrderKeyOf(AuditEvent audit) =>
        audit.TeamId is { } team
            ? string.Create(CultureInfo.InvariantCulture, $"team:{team.Value:N}")
            : string.Create(CultureInfo.InvariantCulture, $"{audit.SubjectKind.ToString().ToLowerInvariant()}:{audit.SubjectId:N}");

    /// <summary>Records a failed delivery of a key's first event and sets when it is due again.</summary>
    private async ValueTask HoldAsync(List<HeldEvent> events, int index, HeldEvent failed)
    {
        await _heldStore.SaveHeldEventAsync(failed, CancellationToken.None).ConfigureAwait(false);
        _recorded.Add(failed.Sequence);
        if (index < 0)
        {
            events.Add(failed);
        }
        else
        {
            events[index] = failed;
        }

        _due[failed.Sequence] = _time.GetUtcNow() + Backoff(failed.Attempts);
        if (failed.Attempts == _options.MaxAttemptsBeforeDegraded)
        {
            _logger.EventDegraded(failed.Sequence, _options.Consumer, failed.OrderKey, failed.Attempts);
        }
    }

    private async ValueTask<AuditEvent?> ReadEventAsync(long sequence, CancellationToken cancellationToken)
    {
        var found = await _audit.ReadAllAsync(sequence - 1, 1, cancellationToken).ConfigureAwait(false);
        return found.Count == 1 && found[0].Sequence == sequence ? found[0] : null;
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = _options.RetryDelay * Math.Pow(2, Math.Min(attempt, 30) - 1);
        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }

    /// <returns><see langword="null"/> when every handler took the event (or the stop cut it short), else the type of what one threw.</returns>
    private async Task<string?> HandleAsync(ITeamAccessEventHandler[] handlers, TeamAccessEvent teamAccessEvent, int attempt, string orderKey, CancellationToken stop)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(teamAccessEvent, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception exception)
            {
                // The event names its sequence, action and subject id, never its snapshots: no address or name is logged.
                var level = attempt > _options.MaxAttemptsBeforeDegraded ? LogLevel.Error : LogLevel.Warning;
                _logger.EventHandlerFailed(level, exception, handler.GetType().Name, teamAccessEvent.Sequence, teamAccessEvent.Action, teamAccessEvent.IdempotencyKey, attempt, orderKey);
                return exception.GetType().FullName ?? exception.GetType().Name;
            }
        }

        return null;
    }
}
