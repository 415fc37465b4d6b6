using Microsoft.Extensions.Logging;

namespace TeamAccess.Invitations;

/// <summary>An invitation to deliver. Its <see cref="ToString"/> never shows the token or the code.</summary>
public sealed class InvitationMessage
{
    /// <summary>Creates a message.</summary>
    /// <param name="email">The invited address.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="teamName">The team's name.</param>
    /// <param name="teamHandle">The team's handle, which the code form asks for.</param>
    /// <param name="inviterEmail">The inviter's email address, to say who invites.</param>
    /// <param name="role">The role offered.</param>
    /// <param name="token">The secret link token.</param>
    /// <param name="code">The secret short code.</param>
    /// <param name="expiresAt">When the token and code stop working.</param>
    /// <param name="membershipId">The invited membership.</param>
    /// <param name="isResend">Whether this replaces an earlier message (whose token and code are now dead).</param>
    public InvitationMessage(string email, TeamId teamId, string teamName, string teamHandle, string? inviterEmail, string role, string token, string code, DateTimeOffset expiresAt, MembershipId membershipId, bool isResend)
    {
        Email = email;
        TeamId = teamId;
        TeamName = teamName;
        TeamHandle = teamHandle;
        InviterEmail = inviterEmail;
        Role = role;
        Token = token;
        Code = code;
        ExpiresAt = expiresAt;
        MembershipId = membershipId;
        IsResend = isResend;
    }

    /// <summary>Gets the invited address.</summary>
    public string Email { get; }

    /// <summary>Gets the team.</summary>
    public TeamId TeamId { get; }

    /// <summary>Gets the team's name.</summary>
    public string TeamName { get; }

    /// <summary>Gets the team's handle.</summary>
    public string TeamHandle { get; }

    /// <summary>Gets the inviter's email address.</summary>
    public string? InviterEmail { get; }

    /// <summary>Gets the role offered.</summary>
    public string Role { get; }

    /// <summary>Gets the secret link token (put it in the link; never log it).</summary>
    public string Token { get; }

    /// <summary>Gets the secret short code (for the "account name + invite code" form; never log it).</summary>
    public string Code { get; }

    /// <summary>Gets when the token and code stop working.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Gets the invited membership.</summary>
    public MembershipId MembershipId { get; }

    /// <summary>Gets whether this message replaces an earlier one.</summary>
    public bool IsResend { get; }

    /// <inheritdoc />
    public override string ToString() => $"Invitation for {Email} to {TeamName} (@{TeamHandle}) as {Role}, expires {ExpiresAt:u}";
}
