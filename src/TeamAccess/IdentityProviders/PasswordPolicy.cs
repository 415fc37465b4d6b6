using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace TeamAccess;

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

/// <summary>
/// An extension point for NIST 800-63B's check against passwords known from breaches (a local list, or a k-anonymity
/// range query to a breach corpus). None is registered by default; a host registers one in DI and every new password
/// (sign-up, accepting an invitation with a new account) is checked. Only passwords that passed the other criteria reach it.
/// </summary>
public interface IBreachedPasswordCheck
{
    /// <summary>Tells whether the password is known from a breach.</summary>
    /// <param name="password">The candidate password (Unicode NFKC). Implementations must not log or store it.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when the password must be refused.</returns>
    ValueTask<bool> IsBreachedAsync(string password, CancellationToken cancellationToken);
}

/// <summary>
/// Checks candidate passwords against <see cref="PasswordOptions"/>: length in code points after Unicode NFKC, no
/// composition rules, no truncation. Every failed criterion is listed back, so a form can show them all at once.
/// </summary>
internal sealed class PasswordPolicy(IOptions<TeamAccessOptions> options, IBreachedPasswordCheck? breached = null)
{
    private PasswordOptions Options => options.Value.Passwords;

    /// <summary>Normalizes the password (NFKC) the same way for hashing and checking; <see langword="null"/> when it cannot be normalized.</summary>
    public static string? Normalize(string password)
    {
        try
        {
            return password.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The refusal that lists the failed criteria in its details.</summary>
    public static TeamAccessError Refusal(IEnumerable<PasswordCriterion> failed) =>
        new(TeamAccessErrorCode.PasswordPolicy, ErrorMessages.For(TeamAccessErrorCode.PasswordPolicy)) { Details = [.. failed.Select(f => f.ToString())] };

    /// <summary>Every criterion, the host's breach check included (asked only when the others pass).</summary>
    public async ValueTask<IReadOnlyList<PasswordCriterion>> CheckAsync(string? password, string? email, CancellationToken cancellationToken)
    {
        var failed = Check(password, email);
        if (failed.Count == 0 && breached is not null && await breached.IsBreachedAsync(Normalize(password!)!, cancellationToken).ConfigureAwait(false))
        {
            return [PasswordCriterion.Breached];
        }

        return failed;
    }

    public IReadOnlyList<PasswordCriterion> Check(string? password, string? email)
    {
        var failed = new List<PasswordCriterion>();
        var normalized = password is null ? null : Normalize(password);
        if (normalized is null)
        {
            failed.Add(PasswordCriterion.InvalidCharacters);
            if (password is null)
            {
                failed.Add(PasswordCriterion.TooShort);
            }

            return failed;
        }

        // Code points, not grapheme clusters: a "character" can carry any number of combining marks.
        var length = 0;
        foreach (var _ in normalized.EnumerateRunes())
        {
            length++;
        }

        if (length < Options.MinLength)
        {
            failed.Add(PasswordCriterion.TooShort);
        }

        if (length > Options.MaxLength)
        {
            failed.Add(PasswordCriterion.TooLong);
        }

        if (normalized.Any(char.IsControl))
        {
            failed.Add(PasswordCriterion.InvalidCharacters);
        }

        if (email is not null && string.Equals(normalized.Trim(), email, StringComparison.OrdinalIgnoreCase))
        {
            failed.Add(PasswordCriterion.SameAsEmail);
        }

        return failed;
    }
}
