namespace TeamAccess.AspNetCore;

/// <summary>Default names of the TeamAccess authentication scheme.</summary>
public static class TeamAccessAuthenticationDefaults
{
    /// <summary>The scheme's name.</summary>
    public const string AuthenticationScheme = "TeamAccess";

    /// <summary>The cookie that carries the session token when the browser holds it.</summary>
    public const string CookieName = "__Host-teamaccess";

    /// <summary>
    /// The item of a refused session's <c>AuthenticateResult.Properties</c> that says why the session ended, when the
    /// refusal says: for <c>SessionRevoked</c> one of <c>RoleChanged</c>, <c>Deactivated</c>, <c>Removed</c>,
    /// <c>EndedByTeam</c>, <c>SignedOut</c> or <c>SignedOutEverywhere</c>. The failure's message is the refusal's code.
    /// A sign-in page shows it in words; it names nothing the session's holder may not know.
    /// </summary>
    public const string SessionEndReasonItem = "TeamAccess:SessionEndReason";
}
