namespace TeamAccess;

/// <summary>The outcome of one address.</summary>
/// <param name="Address">The address as typed.</param>
/// <param name="Kind">What became of it.</param>
/// <param name="Code">The refusal's code, or <see cref="TeamAccessErrorCode.None"/> when invited.</param>
/// <param name="Email">The normalized address, when valid.</param>
/// <param name="MembershipId">The new membership, when invited.</param>
/// <param name="ExpiresAt">When the invitation expires, when invited.</param>
public sealed record InviteOutcome(string Address, InviteOutcomeKind Kind, TeamAccessErrorCode Code, string? Email, MembershipId? MembershipId, DateTimeOffset? ExpiresAt)
{
    /// <summary>Gets whether the sender took the message; <see langword="false"/> when it threw (the invitation stands and can be resent).</summary>
    public bool Delivered { get; init; }
}
