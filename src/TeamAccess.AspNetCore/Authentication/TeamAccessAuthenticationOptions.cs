using Microsoft.AspNetCore.Authentication;

namespace TeamAccess.AspNetCore;

/// <summary>How the TeamAccess scheme finds the session token.</summary>
public sealed class TeamAccessAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Gets or sets whether the token is read from <c>Authorization: Bearer</c>. Default <see langword="true"/>.</summary>
    public bool ReadBearerHeader { get; set; } = true;

    /// <summary>
    /// Gets or sets the cookie read when there is no bearer header, or <see langword="null"/> to read none. Default
    /// <see cref="TeamAccessAuthenticationDefaults.CookieName"/>. A host that sets it issues it Secure, HttpOnly and
    /// SameSite=Strict (<see cref="TeamAccessSessionCookie.Append"/>) and validates antiforgery tokens on unsafe methods.
    /// </summary>
    public string? CookieName { get; set; } = TeamAccessAuthenticationDefaults.CookieName;

    /// <summary>
    /// Gets or sets whether a request that the cookie authenticates with an unsafe method (POST, PUT, PATCH, DELETE)
    /// must carry a valid antiforgery token (<c>IAntiforgery</c>: the form field or the <c>RequestVerificationToken</c>
    /// header); without one it is not authenticated and answers 400 with the <c>antiforgery-failed</c> problem. Requests
    /// with a bearer header need none. Default <see langword="true"/>.
    /// </summary>
    public bool ValidateAntiforgery { get; set; } = true;

    /// <summary>
    /// Gets or sets whether a service account's API key is accepted as <c>Authorization: Bearer ta_...</c> (a session
    /// token never starts with <c>ta_</c>). It is validated from the permission index, with no store read, and the
    /// principal names the service account (<see cref="TeamAccessClaimTypes.PrincipalKind"/>). Default <see langword="true"/>.
    /// </summary>
    public bool AcceptApiKeys { get; set; } = true;

    /// <summary>
    /// Gets or sets whether an API key is also read from the <see cref="TeamAccessHeaders.ApiKey"/> header when the
    /// request has no <c>Authorization</c> header. Default <see langword="false"/>.
    /// </summary>
    public bool ReadApiKeyHeader { get; set; }
}
