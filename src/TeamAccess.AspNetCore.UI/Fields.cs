using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TeamAccess.AspNetCore.UI;

/// <summary>
/// The checks a form makes on each field before it calls a service, so that every field's error shows at once beside its
/// field (a service stops at the first); the service checks again and stays the authority.
/// </summary>
internal static class Fields
{
    /// <summary>The longest name, as the core's name rule has it.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Checks an email address.</summary>
    public static void CheckEmail(TeamAccessPageModel page, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            page.FieldErrors[field] = "Enter your email address.";
        }
        else if (!EmailAddress.TryNormalize(value, out _))
        {
            page.FieldErrors[field] = page.Messages.Error(TeamAccessErrorCode.InvalidEmail);
        }
    }

    /// <summary>Checks a new password's length and that it is not the address; the service checks the rest.</summary>
    public static void CheckPassword(TeamAccessPageModel page, string field, string? value, string? email)
    {
        var missed = new List<string>();
        if ((value ?? "").Length < page.Messages.PasswordMinLength)
        {
            missed.Add(nameof(Accounts.PasswordCriterion.TooShort));
        }

        if (!string.IsNullOrEmpty(value) && string.Equals(value.Trim(), email?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            missed.Add(nameof(Accounts.PasswordCriterion.SameAsEmail));
        }

        if (missed.Count > 0)
        {
            page.FieldErrors[field] = page.Messages.Error(new TeamAccessError(TeamAccessErrorCode.PasswordPolicy, "") { Details = missed });
        }
    }

    /// <summary>Checks a name (first, last, a team's).</summary>
    public static void CheckName(TeamAccessPageModel page, string field, string? value)
    {
        var trimmed = (value ?? "").Trim();
        if (trimmed.Length == 0)
        {
            page.FieldErrors[field] = "Enter a name.";
        }
        else if (trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl))
        {
            page.FieldErrors[field] = page.Messages.Error(TeamAccessErrorCode.InvalidName);
        }
    }

    /// <summary>Checks a handle.</summary>
    public static void CheckHandle(TeamAccessPageModel page, string field, string? value)
    {
        if (!Handle.IsValid((value ?? "").Trim().ToLowerInvariant()))
        {
            page.FieldErrors[field] = page.Messages.Error(TeamAccessErrorCode.InvalidHandle);
        }
    }

    /// <summary>Shows a service's refusal beside the field it concerns, or above the form when it concerns none.</summary>
    public static PageResult Refuse(TeamAccessPageModel page, TeamAccessError error, Dictionary<TeamAccessErrorCode, string> fieldOf)
    {
        var words = page.Messages.Error(error);
        if (fieldOf.TryGetValue(error.Code, out var field))
        {
            page.FieldErrors[field] = words;
            page.Error = "Please correct the fields marked below.";
        }
        else
        {
            page.Error = words;
        }

        return page.Page();
    }
}
