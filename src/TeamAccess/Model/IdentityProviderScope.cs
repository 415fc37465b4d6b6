namespace TeamAccess;

/// <summary>
/// Whom an identity provider serves, which decides where its sessions are accepted. A team's own single sign-on provider
/// is <see cref="TeamBound"/>: its tokens are controlled by that team's administrators, so only teams that name it accept it.
/// </summary>
public enum IdentityProviderScope
{
    /// <summary>
    /// A team's own provider (its Okta, Keycloak realm, ...): accepted only by a team whose sign-in policy names it (as its
    /// SSO provider or among its accepted providers), and a session it signed in switches only into such teams. The default.
    /// </summary>
    TeamBound = 0,

    /// <summary>
    /// The host's own provider (such as Google), trusted across teams: accepted, like the password provider, by every team
    /// whose policy lists no accepted providers and does not require SSO.
    /// </summary>
    Global = 1,
}
