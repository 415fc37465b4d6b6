namespace TeamAccess.Storage;

/// <summary>An invitation's hashed secret was stored beside its membership (never audited: the membership's put is).</summary>
public sealed class InvitationSecretPut : TeamOperation
{
    /// <summary>Initializes a new instance of the <see cref="InvitationSecretPut"/> class.</summary>
    /// <param name="membershipId">The invited membership.</param>
    /// <param name="replaces">Whether it replaces a stored secret (a resend) rather than adding the first one.</param>
    /// <param name="secret">The hashed secret.</param>
    public InvitationSecretPut(MembershipId membershipId, bool replaces, InvitationSecret secret)
    {
        MembershipId = membershipId;
        Replaces = replaces;
        Secret = secret;
    }

    /// <summary>Gets the invited membership.</summary>
    public MembershipId MembershipId { get; }

    /// <summary>Gets whether it replaces a stored secret (a resend) rather than adding the first one.</summary>
    public bool Replaces { get; }

    /// <summary>Gets the hashed secret.</summary>
    public InvitationSecret Secret { get; }

    internal override AuditEvent? ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) => null;
}
