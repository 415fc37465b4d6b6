using Microsoft.AspNetCore.Mvc;

using TeamAccess.AspNetCore.UI;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>
/// The page of the portal's stand-in SSO provider (<see cref="FakeSsoProvider"/>): signs in whoever types an address of its
/// domain, and has the browser post the id_token back to the portal (response_mode=form_post). Not part of the portal
/// proper, and served only while <see cref="PortalDevelopmentFeatures.StandInSso"/> is on (in development).
/// </summary>
public sealed class FakeSsoModel(FakeSsoProvider provider) : TeamAccessPageModel
{
    /// <summary>Gets or sets the client asking.</summary>
    [BindProperty(SupportsGet = true, Name = "client_id")] public string? ClientId { get; set; }

    /// <summary>Gets or sets where to send the browser back; a path of the portal.</summary>
    [BindProperty(SupportsGet = true, Name = "redirect_uri")] public string? RedirectUri { get; set; }

    /// <summary>Gets or sets the client's state, handed back as it came.</summary>
    [BindProperty(SupportsGet = true)] public string? State { get; set; }

    /// <summary>Gets or sets the client's nonce, put in the token.</summary>
    [BindProperty(SupportsGet = true)] public string? Nonce { get; set; }

    /// <summary>Gets or sets how the answer goes back: only <c>form_post</c> (a token in a URL would be written to logs).</summary>
    [BindProperty(SupportsGet = true, Name = "response_mode")] public string? ResponseMode { get; set; }

    /// <summary>Gets or sets the address of the person signing in.</summary>
    [BindProperty] public string? Email { get; set; }

    /// <summary>Gets whether the request comes from the portal: its client id and one of its own paths.</summary>
    public bool Valid => ClientId == FakeSsoProvider.ClientId && RedirectUri is not null && Url.IsLocalUrl(RedirectUri) && !string.IsNullOrEmpty(Nonce)
        && ResponseMode == "form_post";

    /// <summary>Gets the token to post back to the portal, once the person has signed in.</summary>
    public string? IdToken { get; private set; }

    /// <summary>Signs the person in and has the browser post the token back to the portal.</summary>
    /// <returns>A page whose form posts the token to the portal's callback, or this page with the reason.</returns>
    public IActionResult OnPost()
    {
        if (!Valid)
        {
            return BadRequest();
        }

        if (!FakeSsoProvider.Knows(Email))
        {
            Error = $"This provider signs in only addresses of {FakeSsoProvider.Domain}.";
            return Page();
        }

        IdToken = provider.Issue(Email!, Nonce!);
        return Page();
    }
}
