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

    /// <summary>
    /// Whether the principal is a person (<see cref="TeamAccessPrincipalKinds.Person"/>, signed in with a session) or a
    /// service account (<see cref="TeamAccessPrincipalKinds.ServiceAccount"/>, authenticated by an API key, whose
    /// <see cref="UserId"/> is the account's principal id and <see cref="MembershipId"/> the account).
    /// </summary>
    public const string PrincipalKind = "teamaccess:kind";

    /// <summary>The API key that authenticated a service account.</summary>
    public const string ApiKeyId = "teamaccess:api-key";

    /// <summary>
    /// One permission a narrowed API key is limited to (one claim each); a key that is not narrowed has none, and
    /// <c>RequireTeamPermission</c> refuses a permission outside a narrowed key's list.
    /// </summary>
    public const string KeyPermission = "teamaccess:key-permission";
}
