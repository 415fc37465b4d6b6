namespace TeamAccess;

/// <summary>A team as one of its members sees it in a team switcher.</summary>
public sealed class TeamMembershipView
{
    /// <summary>Initializes a new instance of the <see cref="TeamMembershipView"/> class.</summary>
    /// <param name="team">The team.</param>
    /// <param name="membershipId">The user's membership.</param>
    /// <param name="role">The user's role.</param>
    /// <param name="status">The membership's status.</param>
    public TeamMembershipView(Team team, MembershipId membershipId, string role, MembershipStatus status)
    {
        Team = team;
        MembershipId = membershipId;
        Role = role;
        Status = status;
    }

    /// <summary>Gets the team.</summary>
    public Team Team { get; }

    /// <summary>Gets the user's membership.</summary>
    public MembershipId MembershipId { get; }

    /// <summary>Gets the user's role.</summary>
    public string Role { get; }

    /// <summary>Gets the membership's status.</summary>
    public MembershipStatus Status { get; }
}
