namespace TeamAccess.Storage;

/// <summary>Where an event stands that its consumer has read from the audit log but not delivered.</summary>
public enum HeldEventState
{
    /// <summary>Held: a handler threw on it, or on an earlier event of its order key; it is delivered in its key's order.</summary>
    Held = 0,

    /// <summary>Skipped by the host into a dead letter: its key's later events flow past it, and the host may replay it.</summary>
    DeadLetter = 1,
}
