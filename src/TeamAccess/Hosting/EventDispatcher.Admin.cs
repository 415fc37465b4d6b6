using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamAccess.Events;

namespace TeamAccess.Hosting;

/// <content>The host's hand on held events (<see cref="ITeamAccessEventAdmin"/>): list them, skip one into a dead letter, replay a dead letter.</content>
internal sealed partial class EventDispatcher
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<HeldEvent>> ListHeldAsync(CancellationToken cancellationToken = default) =>
        [.. (await _heldStore.ListHeldEventsAsync(_options.Consumer, cancellationToken).ConfigureAwait(false)).Where(h => h.State == HeldEventState.Held)];

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<HeldEvent>> ListDeadLettersAsync(CancellationToken cancellationToken = default) =>
        [.. (await _heldStore.ListHeldEventsAsync(_options.Consumer, cancellationToken).ConfigureAwait(false)).Where(h => h.State == HeldEventState.DeadLetter)];

    /// <inheritdoc />
    public async ValueTask<HeldEvent?> SkipAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var held = (await _heldStore.ListHeldEventsAsync(_options.Consumer, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(h => h.Sequence == sequence && h.State == HeldEventState.Held);
            if (held is null)
            {
                return null;
            }

            var deadLetter = held with { State = HeldEventState.DeadLetter, DeadLetteredAt = _time.GetUtcNow() };
            await _heldStore.SaveHeldEventAsync(deadLetter, CancellationToken.None).ConfigureAwait(false);
            _heldLoaded = false;
            _logger.EventSkipped(sequence, held.OrderKey, _options.Consumer, held.Attempts);
            Wake();
            return deadLetter;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> ReplayAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var deadLetter = (await _heldStore.ListHeldEventsAsync(_options.Consumer, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(h => h.Sequence == sequence && h.State == HeldEventState.DeadLetter);
            if (deadLetter is null || await ReadEventAsync(sequence, cancellationToken).ConfigureAwait(false) is not { } audit)
            {
                return false;
            }

            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var handlers = scope.ServiceProvider.GetServices<ITeamAccessEventHandler>().ToArray();
                var error = await HandleAsync(handlers, TeamAccessEvents.From(audit), deadLetter.Attempts + 1, deadLetter.OrderKey, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (error is null)
                {
                    await _heldStore.RemoveHeldEventAsync(_options.Consumer, sequence, CancellationToken.None).ConfigureAwait(false);
                    return true;
                }

                await _heldStore.SaveHeldEventAsync(deadLetter with { Attempts = deadLetter.Attempts + 1, LastError = error }, CancellationToken.None).ConfigureAwait(false);
                return false;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
