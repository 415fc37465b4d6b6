using Microsoft.AspNetCore.Mvc;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>The page shown for 401, 403 and other status codes, after a GET or after a refused form post.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PortalPage
{
    /// <summary>Gets the status code.</summary>
    public int Code { get; private set; }

    /// <summary>Shows the status.</summary>
    /// <param name="code">The status code.</param>
    public void OnGet(int code) => Code = code;

    /// <summary>Shows the status of a refused form post (the status page runs again with the post's method).</summary>
    /// <param name="code">The status code.</param>
    public void OnPost(int code) => Code = code;
}
