namespace TeamAccess.AspNetCore.UI;

/// <summary>A link of the host's in the pages' navigation bar, shown to signed-in people.</summary>
/// <param name="Text">The link's text.</param>
/// <param name="Path">Where it goes, a path of the site such as <c>/Devices</c>.</param>
public sealed record TeamAccessNavigationLink(string Text, string Path)
{
    /// <summary>Gets the element id of the link, for tests and styles; <see langword="null"/> for none.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the permission the signed-in person needs in the session's team to see the link; <see langword="null"/> for none.</summary>
    public string? Permission { get; init; }

    /// <summary>Gets whether the link is shown to people who are not signed in too. Default <see langword="false"/>.</summary>
    public bool ShowSignedOut { get; init; }
}
