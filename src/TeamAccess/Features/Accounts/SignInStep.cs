namespace TeamAccess.Accounts;

/// <summary>
/// Where a sign-in stands after its first factor (<see cref="ISecondFactorService.SignInAsync(SignInCredential, TeamId, CancellationToken)"/>): done, with a
/// <see cref="Session"/>; or waiting for a second factor (<see cref="TeamAccessErrorCode.SecondFactorRequired"/>) or for
/// the enrolment of one (<see cref="TeamAccessErrorCode.SecondFactorEnrolmentRequired"/>), with a <see cref="Ticket"/>
/// to continue. Its <see cref="ToString"/> shows neither the session's token nor the ticket.
/// </summary>
public sealed class SignInStep
{
    internal SignInStep(Session? session, string? ticket, DateTimeOffset? ticketExpiresAt, TeamAccessErrorCode? next)
    {
        Session = session;
        Ticket = ticket;
        TicketExpiresAt = ticketExpiresAt;
        Next = next;
    }

    /// <summary>Gets the session, when the sign-in is done (no second factor was owed).</summary>
    public Session? Session { get; }

    /// <summary>
    /// Gets the ticket that continues the sign-in (a bearer secret for a few minutes: never log it), when a second factor
    /// or its enrolment is owed: pass it to <see cref="ISecondFactorService.CompleteSignInAsync"/> with a code, or first to
    /// <see cref="ISecondFactorService.BeginSignInEnrolmentAsync"/> when enrolment is owed.
    /// </summary>
    public string? Ticket { get; }

    /// <summary>Gets when the ticket stops working.</summary>
    public DateTimeOffset? TicketExpiresAt { get; }

    /// <summary>
    /// Gets what is owed: <see cref="TeamAccessErrorCode.SecondFactorRequired"/> (a code),
    /// <see cref="TeamAccessErrorCode.SecondFactorEnrolmentRequired"/> (set up an authenticator, then its first code),
    /// <see cref="TeamAccessErrorCode.PasskeyRequired"/> (prove a passkey), <see cref="TeamAccessErrorCode.PasskeyEnrolmentRequired"/>
    /// (register a first passkey with <see cref="IPasskeyService.BeginEnrolmentAsync"/>: the ticket is an enrolment ticket), or
    /// <see langword="null"/> when the sign-in is done.
    /// </summary>
    public TeamAccessErrorCode? Next { get; }

    /// <inheritdoc />
    public override string ToString() => Session is { } session ? $"SignInStep {{ Done, {session} }}" : $"SignInStep {{ Next = {Next}, TicketExpiresAt = {TicketExpiresAt:O} }}";
}
