namespace TeamAccess;

/// <summary>The outcome of one address.</summary>
public sealed class InviteOutcome
{
    /// <summary>Initializes a new instance of the <see cref="InviteOutcome"/> class.</summary>
    /// <param name="address">The address as typed.</param>
    /// <param name="kind">What became of it.</param>
    /// <param name="code">The refusal's code, or <see cref="TeamAccessErrorCode.None"/> when invited.</param>
    /// <param name="email">The normalized address, when valid.</param>
    /// <param name="membershipId">The new membership, when invited.</param>
    /// <param name="expiresAt">When the invitation expires, when invited.</param>
    internal InviteOutcome(string address, InviteOutcomeKind kind, TeamAccessErrorCode code, string? email, MembershipId? membershipId, DateTimeOffset? expiresAt)
    {
        Address = address;
        Kind = kind;
        Code = code;
        Email = email;
        MembershipId = membershipId;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the address as typed.</summary>
    public string Address { get; }

    /// <summary>Gets what became of it.</summary>
    public InviteOutcomeKind Kind { get; }

    /// <summary>Gets the refusal's code, or <see cref="TeamAccessErrorCode.None"/> when invited.</summary>
    public TeamAccessErrorCode Code { get; }

    /// <summary>Gets the normalized address, when valid.</summary>
    public string? Email { get; }

    /// <summary>Gets the new membership, when invited.</summary>
    public MembershipId? MembershipId { get; }

    /// <summary>Gets when the invitation expires, when invited.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Gets whether the sender took the message; <see langword="false"/> when it threw (the invitation stands and can be resent).</summary>
    public bool Delivered { get; internal init; }

    /// <summary>This outcome, saying whether the sender took its message.</summary>
    internal InviteOutcome WithDelivered(bool delivered) => new(Address, Kind, Code, Email, MembershipId, ExpiresAt) { Delivered = delivered };
}
