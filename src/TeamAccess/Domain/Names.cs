using System.Diagnostics.CodeAnalysis;

namespace TeamAccess.Domain;

/// <summary>Validation of display names (first and last names, team and group names) and resource ids.</summary>
internal static class Names
{
    public const int MaxNameLength = TextLimits.MaxNameLength;
    public const int MaxResourceIdLength = TextLimits.MaxResourceIdLength;

    public static bool TryNormalizeName(string? name, [NotNullWhen(true)] out string? normalized) =>
        TryNormalize(name, MaxNameLength, out normalized);

    public static bool IsValidResourceId(string? resourceId) =>
        resourceId is not null && resourceId.Length is > 0 and <= MaxResourceIdLength && !HasControlOrBadChar(resourceId)
        && resourceId.Trim().Length == resourceId.Length;

    private static bool TryNormalize(string? value, int maxLength, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (value is null)
        {
            return false;
        }

        var trimmed = value.Trim();
        if (trimmed.Length is 0 || trimmed.Length > maxLength || HasControlOrBadChar(trimmed))
        {
            return false;
        }

        normalized = trimmed;
        return true;
    }

    /// <summary>
    /// Invisible format characters (bidirectional overrides, embeddings, isolates and marks, which can make a name read
    /// as another, zero-width spaces, the byte order mark), except the zero-width non-joiner and joiner that Persian,
    /// Indic and emoji spellings need.
    /// </summary>
    private static bool IsRefusedFormat(char c) =>
        c is not ('\u200C' or '\u200D') && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    private static bool HasControlOrBadChar(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || IsRefusedFormat(c))
            {
                return true;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }
}
