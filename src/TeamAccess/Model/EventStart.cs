namespace TeamAccess;

/// <summary>Where an event consumer that has no stored position yet begins (see <see cref="EventOptions.StartFrom"/>).</summary>
public enum EventStart
{
    /// <summary>At the first event of the audit log: every change the store ever recorded is delivered.</summary>
    Beginning = 0,

    /// <summary>
    /// At the end of the audit log when the consumer first starts: only changes committed after that are delivered (a
    /// webhook publisher added to a running deployment does not replay its history). The position is stored at once.
    /// </summary>
    Now = 1,
}
