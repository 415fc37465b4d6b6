namespace TeamAccess.AspNetCore.UI;

/// <summary>How the TeamAccess pages are served: under which path, with what name, and which links the host adds to their navigation.</summary>
public sealed class TeamAccessUIOptions
{
    /// <summary>
    /// Gets or sets the path the pages are served under, such as <c>/account</c> (the sign-in page is then
    /// <c>/account/SignIn</c>); empty to serve them at the site's root. It starts with <c>/</c> and does not end with one.
    /// Default <c>/TeamAccess</c>.
    /// </summary>
    public string PathPrefix { get; set; } = "/TeamAccess";

    /// <summary>Gets or sets the product name shown in the navigation bar and the pages' titles. Default "Team portal".</summary>
    public string ProductName { get; set; } = "Team portal";

    /// <summary>
    /// Gets or sets a page that lists the mail the host sent, for development only (the portal sample's outbox); the sign-up
    /// and password-reset pages then point to it. <see langword="null"/> (the default) in every real deployment.
    /// </summary>
    public string? DevelopmentOutboxPath { get; set; }

    /// <summary>Gets or sets the host's "Log in with team SSO" page, linked from the sign-in page; <see langword="null"/> for none.</summary>
    public string? SsoSignInPath { get; set; }

    /// <summary>
    /// Gets or sets where the host mapped <c>MapTeamAccessScim()</c>, such as <c>/scim/v2</c>: the Directory page shows the
    /// team's administrators this base URL for their directory. <see langword="null"/> (the default): the host offers no SCIM.
    /// </summary>
    public string? ScimPath { get; set; }

    /// <summary>
    /// Gets the kinds of access the Groups page grants on a resource, by the name shown (such as "read" or "read and write"),
    /// each with the host's permissions it gives. Empty (the default): the page lists grants but offers no form to add one.
    /// </summary>
    public IDictionary<string, IReadOnlyList<string>> GrantLevels { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Gets the host's own links in the navigation bar, after the TeamAccess ones (the sample's Devices page).</summary>
    public IList<TeamAccessNavigationLink> NavigationLinks { get; } = [];

    /// <summary>Gets the path of a page of the package under <see cref="PathPrefix"/>.</summary>
    /// <param name="page">The page, such as <c>/SignIn</c>.</param>
    /// <returns>The path, such as <c>/account/SignIn</c>.</returns>
    public string PathOf(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return PathPrefix + (page.StartsWith('/') ? page : "/" + page);
    }

    /// <summary>Tells whether <paramref name="prefix"/> is a valid <see cref="PathPrefix"/>.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns><see langword="true"/> when empty, or starting with <c>/</c>, not ending with one, and holding only URL path characters.</returns>
    internal static bool IsValidPrefix(string? prefix) =>
        prefix is not null && (prefix.Length == 0 || (prefix[0] == '/' && prefix[^1] != '/' && !prefix.Contains("//", StringComparison.Ordinal)
            && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.')));
}
