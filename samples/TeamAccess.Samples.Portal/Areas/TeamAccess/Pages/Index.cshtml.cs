using Microsoft.AspNetCore.Mvc;
using TeamAccess.AspNetCore.UI;

namespace TeamAccess.Samples.Portal.Overrides;

/// <summary>The portal's home page, replacing the package's: a signed-in person goes to the Devices page.</summary>
public sealed class PortalHomeModel : TeamAccessPageModel
{
    /// <summary>Shows the page, or the Devices page when signed in.</summary>
    /// <returns>The page.</returns>
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/Users") : Page();
}
