namespace TeamAccess.Storage;

/// <summary>An invitation's hashed secret was stored beside its membership (never audited: the membership's put is).</summary>
/// <param name="MembershipId">The invited membership.</param>
/// <param name="Replaces">Whether it replaces a stored secret (a resend) rather than adding the first one.</param>
/// <param name="Secret">The hashed secret.</param>
public sealed record InvitationSecretPut(MembershipId MembershipId, bool Replaces, InvitationSecret Secret) : TeamOperation
{
    internal override AuditEvent? ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) => null;
}
