namespace TeamAccess;

/// <summary>Where an invitation stands, as the team's invitation list shows it.</summary>
public enum InvitationStatus
{
    /// <summary>Sent and waiting for the invitee.</summary>
    Pending = 0,

    /// <summary>Not accepted in time; the address can be invited again.</summary>
    Expired = 1,

    /// <summary>Accepted: the membership went Active.</summary>
    Accepted = 2,

    /// <summary>Declined by the invitee.</summary>
    Declined = 3,

    /// <summary>Revoked by the team before it was accepted.</summary>
    Revoked = 4,
}
