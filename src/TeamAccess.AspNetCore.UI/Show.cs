using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace TeamAccess.AspNetCore.UI;

/// <summary>How the pages show times and people: a time as UTC text that the page's script turns into the viewer's own zone and "3 minutes ago"; a person by name and address.</summary>
internal static class Show
{
    /// <summary>A time, in a <c>time</c> element the script localizes.</summary>
    /// <param name="at">The time.</param>
    /// <returns>The element.</returns>
    public static IHtmlContent When(DateTimeOffset at)
    {
        var iso = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var text = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return new HtmlString($"<time datetime=\"{iso}\" class=\"ta-time\">{text}</time>");
    }

    /// <summary>A person's name and address, or the address alone when they have no name.</summary>
    /// <param name="first">The first name.</param>
    /// <param name="last">The last name.</param>
    /// <param name="email">The address.</param>
    /// <returns>The element.</returns>
    public static IHtmlContent Person(string? first, string? last, string email)
    {
        var name = $"{first} {last}".Trim();
        var encoder = HtmlEncoder.Default;
        return name.Length == 0
            ? new HtmlString($"<span class=\"ta-person\">{encoder.Encode(email)}</span>")
            : new HtmlString($"<span class=\"ta-person\"><span class=\"ta-person-name\">{encoder.Encode(name)}</span> <small class=\"text-body-secondary\">{encoder.Encode(email)}</small></span>");
    }

    /// <summary>A member as lists and confirmations name them: "First Last (address)", or the address alone.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The label.</returns>
    public static string Label(MemberView member) =>
        $"{member.FirstName} {member.LastName}".Trim() is { Length: > 0 } name ? $"{name} ({member.Email})" : member.Email;
}
