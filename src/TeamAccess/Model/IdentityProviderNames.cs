namespace TeamAccess;

/// <summary>The names of the built-in identity providers.</summary>
public static class IdentityProviderNames
{
    /// <summary>The native password provider.</summary>
    public const string Password = "password";

    /// <summary>The longest provider name.</summary>
    internal const int MaxLength = 64;

    /// <summary>
    /// A provider name is 1 to <see cref="MaxLength"/> ASCII letters, digits, <c>-</c>, <c>_</c> or <c>.</c>: no white
    /// space, so a team's stored list of accepted providers reads back as it was written.
    /// </summary>
    internal static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
