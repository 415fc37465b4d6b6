using Microsoft.AspNetCore.Mvc;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>The start page: a signed-in person goes to the Users page.</summary>
public sealed class IndexModel : PortalPage
{
    /// <summary>Shows the page, or the Users page when signed in.</summary>
    /// <returns>The page.</returns>
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Users") : Page();
}
