namespace TeamAccess.AspNetCore;

/// <summary>The claim types of the principal that the TeamAccess authentication scheme builds from a validated session.</summary>
public static class TeamAccessClaimTypes
{
    /// <summary>The user's id (also the principal's name identifier).</summary>
    public const string UserId = "teamaccess:user";

    /// <summary>The one team the session works in.</summary>
    public const string TeamId = "teamaccess:team";

    /// <summary>The user's membership in that team.</summary>
    public const string MembershipId = "teamaccess:membership";

    /// <summary>The membership's role (also issued as <see cref="System.Security.Claims.ClaimTypes.Role"/>, so role checks work).</summary>
    public const string Role = "teamaccess:role";

    /// <summary>The identity provider that signed the user in.</summary>
    public const string Provider = "teamaccess:provider";
}
