using System.Collections.Frozen;
using System.Numerics;
using System.Text;

namespace TeamAccess.Domain;

/// <summary>
/// Look-alike names, after Unicode's security mechanisms (UTS #39): a name may not mix Latin letters with Cyrillic or
/// Greek ones (a mixed-script name is how "Оwner" with a Cyrillic О passes for "Owner"), and two names whose skeletons
/// agree are confusable. The skeleton is NFKC, lower case, and the Cyrillic and Greek letters (and the digits 0 and 1)
/// that render as Latin letters mapped to them: the part of UTS #39's confusables table that reaches Latin names. It is
/// not the whole table: names wholly in another script are compared as they are.
/// </summary>
internal static class Confusables
{
    private static readonly FrozenDictionary<char, char> ToLatin = new Dictionary<char, char>
    {
        // Cyrillic
        ['а'] = 'a', ['в'] = 'b', ['с'] = 'c', ['ԁ'] = 'd', ['е'] = 'e', ['ё'] = 'e', ['һ'] = 'h', ['і'] = 'i', ['ї'] = 'i',
        ['ј'] = 'j', ['к'] = 'k', ['ӏ'] = 'l', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p', ['ԛ'] = 'q', ['г'] = 'r',
        ['ѕ'] = 's', ['т'] = 't', ['п'] = 'n', ['ц'] = 'u', ['ѵ'] = 'v', ['ԝ'] = 'w', ['х'] = 'x', ['у'] = 'y', ['ү'] = 'y',
        ['з'] = '3', ['ь'] = 'b',

        // Greek
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p',
        ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['γ'] = 'y', ['ω'] = 'w', ['μ'] = 'u',

        // Digits that pass for letters
        ['0'] = 'o', ['1'] = 'l', ['ı'] = 'i',
    }.ToFrozenDictionary();

    /// <summary>The name's skeleton: two names with equal skeletons look alike.</summary>
    public static string Skeleton(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var skeleton = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            skeleton.Append(ToLatin.TryGetValue(c, out var latin) ? latin : c);
        }

        return skeleton.ToString();
    }

    /// <summary>Whether the name mixes Latin letters with Cyrillic or Greek ones.</summary>
    public static bool MixesScripts(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var scripts = 0;
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            scripts |= c switch
            {
                < '\u0250' => 1,
                >= '\u0370' and < '\u0400' => 2,
                >= '\u0400' and < '\u0530' => 4,
                _ => 0,
            };
        }

        return BitOperations.PopCount((uint)(scripts & 7)) > 1;
    }

    /// <summary>Whether <paramref name="name"/> looks like one of <paramref name="existing"/> without being it (case aside).</summary>
    public static bool LooksLikeAnother(string name, IEnumerable<string> existing)
    {
        var skeleton = Skeleton(name);
        return existing.Any(other => !string.Equals(other, name, StringComparison.OrdinalIgnoreCase) && string.Equals(Skeleton(other), skeleton, StringComparison.Ordinal));
    }
}
