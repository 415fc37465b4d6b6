using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace TeamAccess.Accounts;

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
