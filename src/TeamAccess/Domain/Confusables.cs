using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace TeamAccess.Domain;

/// <summary>
/// Look-alike names, after Unicode's security mechanisms (UTS #39): a name may not mix Latin letters with Cyrillic or
/// Greek ones (a mixed-script name is how "Оwner" with a Cyrillic О passes for "Owner"), and two names whose skeletons
/// agree are confusable. The skeleton is UTS #39's, over its whole confusables table (embedded as
/// <c>confusables.txt</c>, Unicode 10.0.0: 6,294 mappings, so "rn" passes for "m", a zero for an O and a Cherokee Ꭺ for
/// an A). Names are compared case aside, so a name is judged by two skeletons: UTS #39's own, of the name as written
/// (NFKC, NFD, each code point mapped to its prototype, NFD: "AdmIn" with a capital I is "Admln"), and the same of the
/// name in lower case ("FIELD" is "field", not "fleld"). Two names look alike when either skeleton agrees.
/// </summary>
internal static class Confusables
{
    private static readonly Lazy<FrozenDictionary<int, string>> Table = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The name's skeleton case aside: two names with equal skeletons look alike.</summary>
    public static string Skeleton(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CasedSkeleton(name.Normalize(NormalizationForm.FormKC).ToLowerInvariant()).ToLowerInvariant();
    }

    /// <summary>UTS #39's skeleton of the name as written (capital I and small l agree).</summary>
    public static string CasedSkeleton(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var mapped = Map(name.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD), Table.Value);
        return mapped.Normalize(NormalizationForm.FormD);
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
        var cased = CasedSkeleton(name);
        return existing.Any(other => !string.Equals(other, name, StringComparison.OrdinalIgnoreCase)
            && (string.Equals(Skeleton(other), skeleton, StringComparison.Ordinal) || string.Equals(CasedSkeleton(other), cased, StringComparison.Ordinal)));
    }

    private static string Map(string text, FrozenDictionary<int, string> table)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (table.TryGetValue(rune.Value, out var prototype))
            {
                result.Append(prototype);
            }
            else
            {
                result.Append(rune.ToString());
            }
        }

        return result.ToString();
    }

    private static FrozenDictionary<int, string> Load()
    {
        using var stream = typeof(Confusables).Assembly.GetManifestResourceStream("TeamAccess.confusables.txt")
            ?? throw new InvalidOperationException("The confusables table is missing from the TeamAccess assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, string>(6_400);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var separator = line.IndexOf(';', StringComparison.Ordinal);
            var source = int.Parse(line.AsSpan(0, separator), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var prototype = new StringBuilder();
            foreach (var part in line[(separator + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                prototype.Append(char.ConvertFromUtf32(int.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }

            table[source] = prototype.ToString();
        }

        return table.ToFrozenDictionary();
    }
}
