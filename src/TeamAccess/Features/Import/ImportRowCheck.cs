using TeamAccess.Accounts;
using TeamAccess.Domain;

namespace TeamAccess.Import;

/// <summary>
/// The checks an import row passes before any team sees it, so that bad input (a malformed address, an unknown role, a
/// huge field, a missing one) is refused with its own code and changes nothing.
/// </summary>
internal static class ImportRowCheck
{
    /// <summary>No valid field is longer (an email address is at most 254 characters; a password hash about 100).</summary>
    public const int MaxFieldLength = 1_000;

    public const int MaxGroups = 100;

    public static TeamAccessErrorCode Check(ImportRow row, long rowNumber, RoleCatalog roles, PasswordOptions passwords, out ImportEntry? entry)
    {
        entry = null;
        if (row.Malformed)
        {
            return TeamAccessErrorCode.MalformedRow;
        }

        if (TooLong(row.Email) || TooLong(row.FirstName) || TooLong(row.LastName) || TooLong(row.TeamHandle) || TooLong(row.Role)
            || TooLong(row.PasswordHash) || row.Groups is { Count: > MaxGroups } || (row.Groups is { } listed && listed.Any(TooLong)))
        {
            return TeamAccessErrorCode.FieldTooLong;
        }

        if (string.IsNullOrWhiteSpace(row.Email) || string.IsNullOrWhiteSpace(row.TeamHandle) || string.IsNullOrWhiteSpace(row.Role))
        {
            return TeamAccessErrorCode.MissingField;
        }

        if (!EmailAddress.TryNormalize(row.Email, out var email))
        {
            return TeamAccessErrorCode.InvalidEmail;
        }

        var team = row.TeamHandle.Trim();
        if (!Handle.IsValid(team))
        {
            return TeamAccessErrorCode.InvalidHandle;
        }

        if (!roles.TryGet(row.Role.Trim(), out var role))
        {
            return TeamAccessErrorCode.InvalidRole;
        }

        var names = CheckNames(row, out var first, out var last);
        if (names is not TeamAccessErrorCode.None)
        {
            return names;
        }

        var groups = new List<string>();
        foreach (var given in row.Groups ?? [])
        {
            var handle = given?.Trim();
            if (handle is null || !Handle.IsValid(handle))
            {
                return string.IsNullOrEmpty(handle) ? TeamAccessErrorCode.MissingField : TeamAccessErrorCode.InvalidHandle;
            }

            if (!groups.Contains(handle, StringComparer.Ordinal))
            {
                groups.Add(handle);
            }
        }

        var hash = string.IsNullOrWhiteSpace(row.PasswordHash) ? null : row.PasswordHash.Trim();
        if (hash is not null && row.Invite)
        {
            return TeamAccessErrorCode.PasswordWithInvitation;
        }

        if (hash is not null && !PasswordHasher.IsImportable(hash, passwords))
        {
            return TeamAccessErrorCode.InvalidPasswordHash;
        }

        entry = new ImportEntry(rowNumber, email, first, last, team, role, groups, hash, row.Invite);
        return TeamAccessErrorCode.None;
    }

    /// <summary>Names are optional (an existing user keeps theirs; an invitee gives their own), but a given one must be valid.</summary>
    private static TeamAccessErrorCode CheckNames(ImportRow row, out string? first, out string? last)
    {
        first = null;
        last = null;
        if ((!string.IsNullOrWhiteSpace(row.FirstName) && !Names.TryNormalizeName(row.FirstName, out first))
            || (!string.IsNullOrWhiteSpace(row.LastName) && !Names.TryNormalizeName(row.LastName, out last)))
        {
            return TeamAccessErrorCode.InvalidName;
        }

        return TeamAccessErrorCode.None;
    }

    private static bool TooLong(string? field) => field is { Length: > MaxFieldLength };
}
