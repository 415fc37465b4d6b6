namespace TeamAccess;

/// <summary>Email domains: a team's verified domain and a provider's authoritative domains are judged here, one way.</summary>
internal static class Domains
{
    public const int MaxLength = 253;

    /// <summary>A domain is lower-case labels of ASCII letters, digits and inner hyphens, joined by dots, at least two labels.</summary>
    public static bool IsValid(string? domain) =>
        domain is not null && domain.Length <= MaxLength && domain.Contains('.', StringComparison.Ordinal) && domain.Split('.').All(IsLabel);

    /// <summary>The domain of a normalized address (what follows its one <c>@</c>).</summary>
    public static string Of(string normalizedEmail) => normalizedEmail[(normalizedEmail.IndexOf('@', StringComparison.Ordinal) + 1)..];

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-';
}
