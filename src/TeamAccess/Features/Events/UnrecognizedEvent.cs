namespace TeamAccess.Events;

/// <summary>
/// An audit action this version of the library has no type for (written by a newer version sharing the store): still
/// delivered, in its place, so a handler sees every change and a consumer's position never skips one.
/// </summary>
public sealed class UnrecognizedEvent : TeamAccessEvent
{
    internal UnrecognizedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
