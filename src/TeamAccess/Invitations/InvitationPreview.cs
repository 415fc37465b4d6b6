namespace TeamAccess;

/// <summary>What an invitee may see before accepting ("you are invited to team X as Member"). Looking never consumes the invitation.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="TeamName">The team's name.</param>
/// <param name="TeamHandle">The team's handle.</param>
/// <param name="Email">The invited address.</param>
/// <param name="Role">The role offered.</param>
/// <param name="Status">Where the invitation stands.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="RequiresSso">Whether it must be accepted through the team's single sign-on provider.</param>
public sealed record InvitationPreview(
    TeamId TeamId,
    string TeamName,
    string TeamHandle,
    string Email,
    string Role,
    InvitationStatus Status,
    DateTimeOffset ExpiresAt,
    bool RequiresSso);
