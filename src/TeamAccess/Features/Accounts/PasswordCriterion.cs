using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace TeamAccess.Accounts;

/// <summary>A criterion of the password policy that a candidate password failed.</summary>
public enum PasswordCriterion
{
    /// <summary>The password is shorter than <see cref="PasswordOptions.MinLength"/>.</summary>
    TooShort = 0,

    /// <summary>The password is longer than <see cref="PasswordOptions.MaxLength"/> (it is refused, never truncated).</summary>
    TooLong = 1,

    /// <summary>The password holds a control character or invalid UTF-16.</summary>
    InvalidCharacters = 2,

    /// <summary>The password is the same as the account's email address.</summary>
    SameAsEmail = 3,

    /// <summary>The host's <see cref="IBreachedPasswordCheck"/> found the password in a list of breached passwords.</summary>
    Breached = 4,
}
