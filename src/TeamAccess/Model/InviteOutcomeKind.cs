namespace TeamAccess;

/// <summary>What became of one address of an invite.</summary>
public enum InviteOutcomeKind
{
    /// <summary>Invited: a new Invited membership, and its message handed to the sender.</summary>
    Invited = 0,

    /// <summary>The address already belongs to an Active or Inactive member of the team.</summary>
    AlreadyMember = 1,

    /// <summary>The address already has a pending invitation to the team (or appears twice in the batch).</summary>
    AlreadyInvited = 2,

    /// <summary>The address is malformed.</summary>
    InvalidEmail = 3,

    /// <summary>
    /// Refused, see the outcome's code: the inviter may not invite into this role, or a send budget is spent
    /// (<see cref="TeamAccessErrorCode.RateLimited"/>: the address was sent a message too recently or too often today, or
    /// the team sent too many today).
    /// </summary>
    Refused = 4,
}
