using System.Runtime.CompilerServices;
using System.Text;
using TeamAccess.Domain;

namespace TeamAccess.Index;

/// <summary>
/// The opaque cursors of the lists: the key of the last item listed, which stays meaningful across index versions
/// (a user id, a resource id), never a position. A user cursor is <c>u</c> and the id's 32 hex digits; a resource cursor
/// is <c>r</c> and the id's UTF-8 in unpadded base64url, so both travel in a URL as they are.
/// </summary>
internal static class AccessCursor
{
    public static string ForUser(Guid userId) => "u" + userId.ToString("N");

    public static bool TryReadUser(string cursor, out Guid userId)
    {
        userId = default;
        return cursor.Length == 33 && cursor[0] == 'u' && Guid.TryParseExact(cursor.AsSpan(1), "N", out userId);
    }

    public static string ForResource(string resourceId) =>
        "r" + Convert.ToBase64String(Encoding.UTF8.GetBytes(resourceId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryReadResource(string cursor, out string? resourceId)
    {
        resourceId = null;
        if (cursor.Length < 2 || cursor[0] != 'r' || cursor.Length % 4 == 2)
        {
            return false;
        }

        var base64 = new StringBuilder(cursor, 1, cursor.Length - 1, cursor.Length + 2).Replace('-', '+').Replace('_', '/');
        base64.Append('=', (4 - (base64.Length % 4)) % 4);
        var bytes = new byte[base64.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(base64.ToString(), bytes, out var written))
        {
            return false;
        }

        try
        {
            resourceId = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (ArgumentException)
        {
            return false;
        }

        // A cursor the lists made names a valid resource id, and spells it in one way only.
        return Names.IsValidResourceId(resourceId) && string.Equals(ForResource(resourceId), cursor, StringComparison.Ordinal);
    }
}
