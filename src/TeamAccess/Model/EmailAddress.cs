using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace TeamAccess;

/// <summary>
/// Normalizes and validates email addresses: trim, Unicode NFKC, lower-case invariant. Two addresses are the same user
/// when their normalized forms are equal: addresses are unique across users after normalization, and editing a user
/// never changes its address.
/// </summary>
public static class EmailAddress
{
    /// <summary>The longest address accepted (RFC 5321's path limit less the angle brackets).</summary>
    public const int MaxLength = 254;

    /// <summary>Normalizes <paramref name="email"/> and tells whether it is a valid address.</summary>
    /// <param name="email">The address as typed.</param>
    /// <param name="normalized">The normalized address, when valid.</param>
    /// <returns><see langword="true"/> when the address is valid.</returns>
    public static bool TryNormalize(string? email, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxLength * 4)
        {
            return false;
        }

        if (HasLoneSurrogate(email))
        {
            // Some normalizers replace a lone surrogate with U+FFFD instead of refusing it: refuse it here.
            return false;
        }

        string candidate;
        try
        {
            candidate = email.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 (a lone surrogate) cannot be normalized: it is not an address.
            return false;
        }

        if (!IsValidNormalized(candidate))
        {
            return false;
        }

        normalized = candidate;
        return true;
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsValidNormalized(string email)
    {
        if (email.Length is 0 or > MaxLength)
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at > 64 || at == email.Length - 1)
        {
            return false;
        }

        var local = email.AsSpan(0, at);
        var domain = email[(at + 1)..];
        for (var i = 0; i < email.Length; i++)
        {
            var c = email[i];
            if (char.IsSurrogate(c))
            {
                // Only a well-formed pair is a character; a lone half is not text.
                if (!char.IsHighSurrogate(c) || i + 1 == email.Length || !char.IsLowSurrogate(email[++i]))
                {
                    return false;
                }

                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFFFD' || c is '<' or '>' or '(' or ')' or '[' or ']' or ',' or ';' or ':' or '\\' or '"')
            {
                return false;
            }
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        // The domain is a dotted name of labels; each label is letters (any script), digits and inner hyphens.
        if (!domain.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var label in domain.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
