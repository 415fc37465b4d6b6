namespace TeamAccess;

/// <summary>A team the signed-in user can switch to.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Name">Its name.</param>
/// <param name="Handle">Its handle.</param>
/// <param name="Role">The user's role there.</param>
/// <param name="RequiresReauthentication">Whether switching there needs a new sign-in (the team does not accept the session's provider).</param>
public sealed record SwitchableTeam(TeamId TeamId, string Name, string Handle, string Role, bool RequiresReauthentication);
