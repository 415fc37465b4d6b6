using Microsoft.AspNetCore.Http;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore;

/// <summary>Writes and clears the session cookie with the settings a session token needs.</summary>
public static class TeamAccessSessionCookie
{
    /// <summary>Sets the session cookie: Secure, HttpOnly, SameSite=Strict, path /, expiring with the session.</summary>
    /// <param name="response">The response.</param>
    /// <param name="session">The session.</param>
    /// <param name="cookieName">The cookie's name.</param>
    public static void Append(HttpResponse response, Session session, string cookieName = TeamAccessAuthenticationDefaults.CookieName)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(session);
        response.Cookies.Append(cookieName, session.AccessToken, new CookieOptions
        {
            Secure = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Expires = session.Info.ExpiresAt,
            IsEssential = true,
        });
    }

    /// <summary>Clears the session cookie.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cookieName">The cookie's name.</param>
    public static void Delete(HttpResponse response, string cookieName = TeamAccessAuthenticationDefaults.CookieName)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(cookieName, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
    }
}
