namespace TeamAccess.Invitations;

/// <summary>What an invitee may see before accepting ("you are invited to team X as Member"). Looking never consumes the invitation.</summary>
public sealed class InvitationPreview
{
    /// <summary>Initializes a new instance of the <see cref="InvitationPreview"/> class.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="teamName">The team's name.</param>
    /// <param name="teamHandle">The team's handle.</param>
    /// <param name="email">The invited address.</param>
    /// <param name="role">The role offered.</param>
    /// <param name="status">Where the invitation stands.</param>
    /// <param name="expiresAt">When it expires.</param>
    /// <param name="requiresSso">Whether it must be accepted through the team's single sign-on provider.</param>
    internal InvitationPreview(TeamId teamId, string teamName, string teamHandle, string email, string role, InvitationStatus status, DateTimeOffset expiresAt, bool requiresSso)
    {
        TeamId = teamId;
        TeamName = teamName;
        TeamHandle = teamHandle;
        Email = email;
        Role = role;
        Status = status;
        ExpiresAt = expiresAt;
        RequiresSso = requiresSso;
    }

    /// <summary>Gets the team.</summary>
    public TeamId TeamId { get; }

    /// <summary>Gets the team's name.</summary>
    public string TeamName { get; }

    /// <summary>Gets the team's handle.</summary>
    public string TeamHandle { get; }

    /// <summary>Gets the invited address.</summary>
    public string Email { get; }

    /// <summary>Gets the role offered.</summary>
    public string Role { get; }

    /// <summary>Gets where the invitation stands.</summary>
    public InvitationStatus Status { get; }

    /// <summary>Gets when it expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Gets whether it must be accepted through the team's single sign-on provider.</summary>
    public bool RequiresSso { get; }
}
