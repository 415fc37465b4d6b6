namespace TeamAccess.Accounts;

/// <summary>A team the signed-in user can switch to.</summary>
public sealed class SwitchableTeam
{
    /// <summary>Initializes a new instance of the <see cref="SwitchableTeam"/> class.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="name">Its name.</param>
    /// <param name="handle">Its handle.</param>
    /// <param name="role">The user's role there.</param>
    /// <param name="requiresReauthentication">Whether switching there needs a new sign-in (the team does not accept the session's provider).</param>
    internal SwitchableTeam(TeamId teamId, string name, string handle, string role, bool requiresReauthentication)
    {
        TeamId = teamId;
        Name = name;
        Handle = handle;
        Role = role;
        RequiresReauthentication = requiresReauthentication;
    }

    /// <summary>Gets the team.</summary>
    public TeamId TeamId { get; }

    /// <summary>Gets the team's name.</summary>
    public string Name { get; }

    /// <summary>Gets the team's handle.</summary>
    public string Handle { get; }

    /// <summary>Gets the user's role there.</summary>
    public string Role { get; }

    /// <summary>Gets whether switching there needs a new sign-in (the team does not accept the session's provider).</summary>
    public bool RequiresReauthentication { get; }
}
