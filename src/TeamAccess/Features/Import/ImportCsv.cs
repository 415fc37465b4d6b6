using System.Runtime.CompilerServices;
using System.Text;

namespace TeamAccess.Import;

/// <summary>
/// Reads import rows from CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes,
/// a quote doubled inside them). The first line is the header; its columns, in any order and case, are
/// <c>email</c>, <c>first_name</c>, <c>last_name</c>, <c>team</c>, <c>role</c>, <c>groups</c> (handles separated by
/// <c>;</c>), <c>password_hash</c> and <c>invite</c> (<c>true</c>/<c>yes</c>/<c>1</c>); unknown columns are ignored.
/// A line that cannot be read is still a row, refused as <see cref="TeamAccessErrorCode.MalformedRow"/>, so row numbers
/// stay the line's place among the data lines.
/// </summary>
public static class ImportCsv
{
    /// <summary>The header of a file with every column, in the usual order.</summary>
    public const string Header = "email,first_name,last_name,team,role,groups,password_hash,invite";

    /// <summary>The longest line read; a longer one is a malformed row, read no further than this.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>Reads the rows of a CSV text.</summary>
    /// <param name="reader">The text, header first.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The rows, one per data line.</returns>
    public static async IAsyncEnumerable<ImportRow> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = await ReadRecordAsync(reader, cancellationToken).ConfigureAwait(false);
        if (header is not { Fields: { } names })
        {
            yield break;
        }

        var columns = names.Select(n => n.Trim().ToLowerInvariant()).ToArray();
        while (await ReadRecordAsync(reader, cancellationToken).ConfigureAwait(false) is { } record)
        {
            if (record.Fields is not { } fields || fields.Count != columns.Length)
            {
                yield return new ImportRow { Malformed = true };
                continue;
            }

            string? Field(string name) => Array.IndexOf(columns, name) is var i and >= 0 && fields[i].Length > 0 ? fields[i] : null;
            yield return new ImportRow
            {
                Email = Field("email"),
                FirstName = Field("first_name"),
                LastName = Field("last_name"),
                TeamHandle = Field("team"),
                Role = Field("role"),
                Groups = Field("groups") is { } groups ? groups.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [],
                PasswordHash = Field("password_hash"),
                Invite = Field("invite")?.Trim().ToLowerInvariant() is "true" or "yes" or "1",
            };
        }
    }

    /// <summary>Formats a row as a CSV line in the order of <see cref="Header"/> (for tests, samples and exports).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The line, without its line break.</returns>
    public static string Format(ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string[] fields = [row.Email ?? string.Empty, row.FirstName ?? string.Empty, row.LastName ?? string.Empty, row.TeamHandle ?? string.Empty, row.Role ?? string.Empty, string.Join(';', row.Groups ?? []), row.PasswordHash ?? string.Empty, row.Invite ? "true" : string.Empty];
        return string.Join(',', fields.Select(Quote));
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>One record: its fields, or <see langword="null"/> fields when it is malformed; <see langword="null"/> at the end.</summary>
    private static async ValueTask<Record?> ReadRecordAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line is null)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var length = line.Length;
        for (var i = 0; ; i++)
        {
            if (i == line.Length)
            {
                if (!quoted)
                {
                    fields.Add(field.ToString());
                    return new Record(fields);
                }

                // A quoted field goes on over the line break.
                var next = length > MaxLineLength ? null : await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (next is null)
                {
                    return new Record(null);
                }

                field.Append('\n');
                length += next.Length + 1;
                line = next;
                i = -1;
                continue;
            }

            var c = line[i];
            if (field.Length > MaxLineLength)
            {
                return new Record(null);
            }

            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '"')
            {
                return new Record(null);
            }
            else
            {
                field.Append(c);
            }
        }
    }

    private sealed record Record(List<string>? Fields);
}
