using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace TeamAccess.AspNetCore.Scim;

/// <summary>
/// The SCIM filters this service provider answers (RFC 7644 3.4.2.2): one or more <c>attribute eq "value"</c> joined by
/// <c>and</c>, on the attributes a resource type allows (operators and attribute names in any case, a core schema's URN
/// prefix allowed). Every other filter is refused as <c>invalidFilter</c> rather than half understood.
/// </summary>
internal static class ScimFilter
{
    /// <summary>The longest filter read; a longer one is refused.</summary>
    public const int MaxLength = 1000;

    public static bool TryParse(string? filter, IReadOnlyCollection<string> attributes, string schema, [NotNullWhen(true)] out Dictionary<string, string>? clauses, out string error)
    {
        clauses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(filter))
        {
            return true;
        }

        if (filter.Length > MaxLength)
        {
            error = $"A filter has at most {MaxLength} characters.";
            clauses = null;
            return false;
        }

        var position = 0;
        while (true)
        {
            var name = Word(filter, ref position);
            if (name.StartsWith(schema + ":", StringComparison.OrdinalIgnoreCase))
            {
                name = name[(schema.Length + 1)..];
            }

            var attribute = attributes.FirstOrDefault(a => a.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (attribute is null)
            {
                error = $"Filter by {string.Join(", ", attributes)} only.";
                clauses = null;
                return false;
            }

            if (!Word(filter, ref position).Equals("eq", StringComparison.OrdinalIgnoreCase))
            {
                error = "Only the eq operator is supported.";
                clauses = null;
                return false;
            }

            if (!TryString(filter, ref position, out var value) || !clauses.TryAdd(attribute, value))
            {
                error = "A filter compares each attribute once, with a quoted string.";
                clauses = null;
                return false;
            }

            SkipSpaces(filter, ref position);
            if (position == filter.Length)
            {
                return true;
            }

            if (!Word(filter, ref position).Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                error = "Only and joins filter expressions.";
                clauses = null;
                return false;
            }
        }
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }

    private static string Word(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        var start = position;
        while (position < text.Length && text[position] is not (' ' or '"' or '(' or ')' or '[' or ']'))
        {
            position++;
        }

        return text[start..position];
    }

    /// <summary>A JSON string literal (RFC 7644 compValue): quotes, with the JSON escapes.</summary>
    private static bool TryString(string text, ref int position, out string value)
    {
        value = string.Empty;
        SkipSpaces(text, ref position);
        if (position >= text.Length || text[position] != '"')
        {
            return false;
        }

        var builder = new StringBuilder();
        for (position++; position < text.Length; position++)
        {
            var c = text[position];
            if (c == '"')
            {
                position++;
                value = builder.ToString();
                return true;
            }

            if (c == '\\')
            {
                if (++position >= text.Length)
                {
                    return false;
                }

                switch (text[position])
                {
                    case '"' or '\\' or '/':
                        builder.Append(text[position]);
                        break;
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case 'u' when position + 4 < text.Length && ushort.TryParse(text.AsSpan(position + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                        builder.Append((char)code);
                        position += 4;
                        break;
                    default:
                        return false;
                }

                continue;
            }

            builder.Append(c);
        }

        return false;
    }
}
