namespace TeamAccess.Accounts;

/// <summary>
/// A session that has just proven a second factor, and, when that proof confirmed an authenticator's enrolment, the
/// recovery codes generated with it (shown once). Its <see cref="ToString"/> shows neither token nor codes.
/// </summary>
public sealed class SecondFactorSession
{
    internal SecondFactorSession(Session session, IReadOnlyList<string> recoveryCodes)
    {
        Session = session;
        RecoveryCodes = recoveryCodes;
    }

    /// <summary>Gets the session (its <see cref="SessionInfo.SecondFactorAt"/> is now).</summary>
    public Session Session { get; }

    /// <summary>Gets the new recovery codes, shown once (empty unless this proof confirmed an enrolment); never log them.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; }

    /// <inheritdoc />
    public override string ToString() => $"SecondFactorSession {{ {Session}, RecoveryCodes = {RecoveryCodes.Count} }}";
}
