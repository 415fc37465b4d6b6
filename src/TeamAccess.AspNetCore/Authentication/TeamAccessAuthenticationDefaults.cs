namespace TeamAccess.AspNetCore;

/// <summary>Default names of the TeamAccess authentication scheme.</summary>
public static class TeamAccessAuthenticationDefaults
{
    /// <summary>The scheme's name.</summary>
    public const string AuthenticationScheme = "TeamAccess";

    /// <summary>The cookie that carries the session token when the browser holds it.</summary>
    public const string CookieName = "__Host-teamaccess";
}
