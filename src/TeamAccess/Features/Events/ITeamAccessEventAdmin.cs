namespace TeamAccess.Events;

/// <summary>
/// The host's view of the events this instance's consumer (<see cref="EventOptions.Consumer"/>) could not deliver, and
/// its say over them. Order is promised per team (and, for an event without a team, per subject): an event a handler
/// throws on is held, with its team's later events behind it, while every other team's events flow on. A held event is
/// delivered again after a back-off until a handler takes it, or until the host skips it here into a dead letter, which
/// lets its team's later events flow and can be replayed later. Registered by <see cref="TeamAccess.Hosting.TeamAccessBuilder.AddEventHandler{THandler}"/>.
/// </summary>
public interface ITeamAccessEventAdmin
{
    /// <summary>Lists the held events in sequence order: per team, the failing one first and those waiting behind it (0 attempts).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The held events.</returns>
    ValueTask<IReadOnlyList<HeldEvent>> ListHeldAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Skips a held event: it becomes a dead letter, is not delivered again on its own, and its team's later events
    /// flow on in order.
    /// </summary>
    /// <param name="sequence">The held event's sequence number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dead letter, or <see langword="null"/> when no event with that number is held.</returns>
    ValueTask<HeldEvent?> SkipAsync(long sequence, CancellationToken cancellationToken = default);

    /// <summary>Lists the dead letters in sequence order.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dead letters.</returns>
    ValueTask<IReadOnlyList<HeldEvent>> ListDeadLettersAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Delivers a dead letter to every handler now (out of its team's order: its later events were delivered already). When
    /// every handler takes it the dead letter is removed; when one throws it stays, with one more attempt and the error's type.
    /// </summary>
    /// <param name="sequence">The dead letter's sequence number.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>Whether it was delivered; <see langword="false"/> also when there is no such dead letter.</returns>
    ValueTask<bool> ReplayAsync(long sequence, CancellationToken cancellationToken = default);
}
