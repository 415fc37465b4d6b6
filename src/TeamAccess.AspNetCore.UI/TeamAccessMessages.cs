using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("TeamAccess.AspNetCore.UI")]

namespace TeamAccess.AspNetCore.UI;

/// <summary>
/// The one catalog of the words the pages show: a sentence for every <see cref="TeamAccessErrorCode"/>, each invite outcome
/// and each password rule, from <c>Resources/TeamAccessMessages.resx</c> (English; a host adds cultures with its own
/// satellite resources), with the numbers that matter filled in from the options (the password's minimum length, the
/// invite batch limit).
/// </summary>
internal sealed class TeamAccessMessages(IStringLocalizer<TeamAccessMessages> localizer, IOptions<TeamAccessOptions> options)
{
    /// <summary>Gets the shortest password allowed.</summary>
    public int PasswordMinLength => options.Value.Passwords.MinLength;

    /// <summary>A refusal in words a person reads, with its details (the password rules missed) and numbers.</summary>
    /// <param name="error">The refusal; <see langword="null"/> gives "".</param>
    /// <param name="wait">For <see cref="TeamAccessErrorCode.RateLimited"/>: how long to wait, when the page knows.</param>
    /// <returns>The words.</returns>
    public string Error(TeamAccessError? error, TimeSpan? wait = null) => error is null ? "" : error.Code switch
    {
        TeamAccessErrorCode.PasswordPolicy => Text("Error.PasswordPolicy", string.Join("; ", error.Details.Select(Password))) + ".",
        TeamAccessErrorCode.BatchTooLarge => Text("Error.BatchTooLarge", options.Value.Invitations.MaxBatchSize),
        TeamAccessErrorCode.RateLimited => Text("Error.RateLimited", Duration(wait ?? options.Value.Invitations.ResendCooldown)),
        _ => Error(error.Code),
    };

    /// <summary>The sentence for one code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The words.</returns>
    public string Error(TeamAccessErrorCode code) => Text("Error." + code);

    /// <summary>Tells whether the catalog has a sentence of its own for <paramref name="code"/>.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when the resources hold it.</returns>
    public bool Has(TeamAccessErrorCode code) => !localizer["Error." + code].ResourceNotFound;

    /// <summary>
    /// Why a session ended, in words: <paramref name="reason"/> is a reason of a SessionRevoked refusal (RoleChanged,
    /// SignedOut...) or the refusal's code (SessionExpired, SecondFactorRequired...).
    /// </summary>
    /// <param name="reason">The reason, as the sign-in page received it.</param>
    /// <returns>The words, or <see langword="null"/> for no reason or one the catalog does not know.</returns>
    public string? SessionEnded(string? reason)
    {
        if (string.IsNullOrEmpty(reason) || reason.Length > 64 || !reason.All(char.IsAsciiLetter))
        {
            return null;
        }

        var own = localizer["Session.Reason." + reason];
        return !own.ResourceNotFound ? own.Value
            : Enum.TryParse<TeamAccessErrorCode>(reason, out var code) && Has(code) ? Text("Session.Ended", Error(code))
            : null;
    }

    /// <summary>One invite outcome in words.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The words.</returns>
    public string Outcome(InviteOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind == InviteOutcomeKind.Refused
            ? Text("Outcome.Refused", Error(new TeamAccessError(outcome.Code, Error(outcome.Code))))
            : Text("Outcome." + outcome.Kind);
    }

    /// <summary>The password rules, as shown before typing.</summary>
    /// <returns>The words.</returns>
    public string PasswordHint() => Text("Password.Hint", PasswordMinLength);

    /// <summary>A text of the catalog by key, formatted with <paramref name="arguments"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="arguments">The values of its placeholders.</param>
    /// <returns>The words.</returns>
    public string Text(string key, params object[] arguments) => localizer[key, arguments].Value;

    private string Password(string criterion) => criterion == nameof(Accounts.PasswordCriterion.TooShort)
        ? Text("Password.TooShort", PasswordMinLength)
        : Text("Password." + criterion);

    private static string Duration(TimeSpan wait) => wait.TotalSeconds < 90
        ? string.Create(CultureInfo.CurrentCulture, $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds")
        : wait.TotalMinutes < 90 ? string.Create(CultureInfo.CurrentCulture, $"{(int)Math.Ceiling(wait.TotalMinutes)} minutes")
        : string.Create(CultureInfo.CurrentCulture, $"{(int)Math.Ceiling(wait.TotalHours)} hours");
}
