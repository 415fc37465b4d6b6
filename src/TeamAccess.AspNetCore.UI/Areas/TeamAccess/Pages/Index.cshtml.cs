using Microsoft.AspNetCore.Mvc;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>The pages' start: a signed-in person goes to the Users page.</summary>
internal sealed class IndexModel : TeamAccessPageModel
{
    /// <summary>Shows the page, or the Users page when signed in.</summary>
    /// <returns>The page.</returns>
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Users") : Page();
}
