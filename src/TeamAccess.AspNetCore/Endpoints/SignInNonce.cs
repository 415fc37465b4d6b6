using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Storage;

namespace TeamAccess.AspNetCore;

/// <summary>
/// The nonce of a sign-in through an identity provider whose id_token travels through the browser: issued by the server,
/// remembered in an HttpOnly cookie bound to that browser (protected and time-limited with the host's Data Protection
/// keys), and used once. A client never chooses the nonce <c>/signin</c> checks, so a stolen id_token replayed from
/// another browser, or twice from this one, fails <see cref="TeamAccess.Accounts.OidcProviderOptions.RequireNonce"/>.
/// </summary>
internal static class SignInNonce
{
    /// <summary>The cookie that holds the pending sign-in's nonce.</summary>
    public const string CookieName = "__Host-teamaccess-nonce";

    /// <summary>How long a nonce waits for its id_token: the time a person takes at the provider's sign-in page.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string Purpose = "TeamAccess.AspNetCore.SignInNonce";

    /// <summary>Makes a nonce, sets its cookie, and returns it for the client to send to the provider.</summary>
    public static string Issue(HttpContext http)
    {
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        http.Response.Cookies.Append(CookieName, Protector(http).Protect(nonce, Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            MaxAge = Lifetime,
        });
        return nonce;
    }

    /// <summary>
    /// Takes the browser's pending nonce, if a valid one is there, deletes the cookie, and records the nonce as used in
    /// the store's try counters (one try allowed, for the nonce's lifetime), so a nonce works once on every instance even
    /// when a copy of the cookie is sent again: the server, not only the browser, remembers it.
    /// </summary>
    public static async ValueTask<string?> TakeAsync(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var protectedNonce) || string.IsNullOrEmpty(protectedNonce))
        {
            return null;
        }

        http.Response.Cookies.Delete(CookieName, new CookieOptions { Secure = true, SameSite = SameSiteMode.Strict, Path = "/" });
        string nonce;
        try
        {
            nonce = Protector(http).Unprotect(protectedNonce);
        }
        catch (CryptographicException)
        {
            // Expired, tampered with, or made with keys this host no longer has: no nonce, so RequireNonce refuses.
            return null;
        }

        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var key = "signin-nonce:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nonce))).ToLowerInvariant();
        var first = await http.RequestServices.GetRequiredService<ITryCounterStore>()
            .TryCountAsync(key, 1, now, now + Lifetime, http.RequestAborted).ConfigureAwait(false);
        return first ? nonce : null;
    }

    private static ITimeLimitedDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
