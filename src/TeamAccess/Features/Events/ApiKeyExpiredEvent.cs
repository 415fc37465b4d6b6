namespace TeamAccess.Events;

/// <summary>An API key reached its expiry unrevoked (a rotated key at the end of its overlap, too). Projected from <c>api_key.expired</c>.</summary>
public sealed class ApiKeyExpiredEvent : TeamAccessEvent
{
    internal ApiKeyExpiredEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
