namespace TeamAccess.Hosting;

/// <summary>
/// Which of the instances sharing an event consumer name delivers now: one lease per consumer, taken through the store's
/// try counters (<see cref="ITryCounterStore"/>: one atomic step on one key, shared by every instance), so that two
/// instances never deliver the same events side by side, and a team's events keep their order across instances.
/// </summary>
/// <remarks>
/// Time is cut into slots of <see cref="EventOptions.LeaseDuration"/> (from the Unix epoch, so every instance cuts alike),
/// and a slot's key takes one try: the instance whose try counts holds the slot. The holder claims the next slot during
/// the last third of its own, ahead of everyone else, so it keeps delivering without a pause; another instance claims a
/// slot only once it has begun, so it takes over only when the holder did not claim it (stopped, killed, or cut off from
/// the store), at most one slot and a third later. A stopping holder gives its slots back, and the next instance to try
/// (within a third of a slot) takes over. A handler still running when its instance's slot ends can overlap the next
/// holder's first events: delivery is at least once, as for a killed handler.
/// </remarks>
internal sealed class ConsumerLease(ITryCounterStore counters, TimeProvider time, EventOptions options)
{
    private readonly SortedSet<long> _claimed = [];
    private readonly TimeSpan _slot = options.LeaseDuration;
    private readonly TimeSpan _margin = options.LeaseDuration / 3;
    private DateTimeOffset _nextTry = DateTimeOffset.MinValue;
    private long _lostNext = long.MinValue;

    /// <summary>Gets whether this instance held the lease at its last <see cref="HoldAsync"/>.</summary>
    public bool Holding { get; private set; }

    /// <summary>
    /// Whether this instance may deliver now: it holds the current slot, claiming it (and, near its end, the next one)
    /// when due. Gained says the lease was not held at the last call, so what this instance knew of the
    /// position and the held events may be stale.
    /// </summary>
    public async ValueTask<(bool Holds, bool Gained)> HoldAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var slot = SlotOf(now);
        if (!_claimed.Contains(slot) && (now >= _nextTry || _claimed.Contains(slot - 1)))
        {
            if (await ClaimAsync(slot, now, cancellationToken).ConfigureAwait(false))
            {
                _claimed.Add(slot);
            }
            else
            {
                _nextTry = now + _margin;
            }
        }

        _claimed.RemoveWhere(s => s < slot);
        var was = Holding;
        Holding = _claimed.Contains(slot);
        if (Holding && End(slot) - now <= _margin && !_claimed.Contains(slot + 1) && _lostNext != slot + 1)
        {
            if (await ClaimAsync(slot + 1, now, cancellationToken).ConfigureAwait(false))
            {
                _claimed.Add(slot + 1);
            }
            else
            {
                _lostNext = slot + 1;
            }
        }

        return (Holding, Holding && !was);
    }

    /// <summary>How long until this instance should call <see cref="HoldAsync"/> again at the latest.</summary>
    public TimeSpan UntilNextCheck()
    {
        var now = time.GetUtcNow();
        var slot = SlotOf(now);
        var next = Holding
            ? (_claimed.Contains(slot + 1) || _lostNext == slot + 1 ? End(slot) : End(slot) - _margin)
            : _nextTry;
        var wait = next - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Gives back the slots this instance claimed, so another instance takes over at its next try.</summary>
    public async ValueTask ReleaseAsync(CancellationToken cancellationToken)
    {
        foreach (var slot in _claimed)
        {
            await counters.UncountAsync(Key(slot), cancellationToken).ConfigureAwait(false);
        }

        _claimed.Clear();
        Holding = false;
    }

    private ValueTask<bool> ClaimAsync(long slot, DateTimeOffset now, CancellationToken cancellationToken) =>
        counters.TryCountAsync(Key(slot), 1, now, End(slot), cancellationToken);

    private string Key(long slot) => FormattableString.Invariant($"event-lease:{options.Consumer}:{slot}");

    private long SlotOf(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks / _slot.Ticks;

    private DateTimeOffset End(long slot) => DateTimeOffset.UnixEpoch + TimeSpan.FromTicks((slot + 1) * _slot.Ticks);
}
