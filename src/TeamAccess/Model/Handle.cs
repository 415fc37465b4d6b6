namespace TeamAccess;

/// <summary>
/// Validates handles of teams and groups (<c>maintenance-team</c>): 3 to 63 lower-case ASCII letters, digits and
/// hyphens, starting and ending with a letter or digit, so a handle can stand in a URL path or a DNS label as it is.
/// </summary>
public static class Handle
{
    /// <summary>The shortest handle.</summary>
    public const int MinLength = 3;

    /// <summary>The longest handle.</summary>
    public const int MaxLength = 63;

    /// <summary>Tells whether <paramref name="handle"/> is a valid handle. No normalization is applied: <c>Team</c> is refused, not lower-cased.</summary>
    /// <param name="handle">The candidate.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(string? handle)
    {
        if (handle is null || handle.Length is < MinLength or > MaxLength || handle[0] == '-' || handle[^1] == '-')
        {
            return false;
        }

        foreach (var c in handle)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
