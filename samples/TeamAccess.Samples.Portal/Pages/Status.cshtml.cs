namespace TeamAccess.Samples.Portal.Pages;

/// <summary>The page shown for 401, 403 and other status codes.</summary>
public sealed class StatusModel : PortalPage
{
    /// <summary>Gets the status code.</summary>
    public int Code { get; private set; }

    /// <summary>Shows the status.</summary>
    /// <param name="code">The status code.</param>
    public void OnGet(int code) => Code = code;
}
