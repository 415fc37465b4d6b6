namespace TeamAccess.Import;

/// <summary>
/// One row of an import (see <see cref="IImportService"/>): a person, the team they belong to, their role there and
/// their groups, and either the hash of their password or the wish to invite them.
/// </summary>
public sealed record ImportRow
{
    /// <summary>Gets the email address (normalized as every address is; see <see cref="EmailAddress"/>).</summary>
    public string? Email { get; init; }

    /// <summary>Gets the first name; needed when the import creates the user.</summary>
    public string? FirstName { get; init; }

    /// <summary>Gets the last name; needed when the import creates the user.</summary>
    public string? LastName { get; init; }

    /// <summary>Gets the handle of the team the row is about.</summary>
    public string? TeamHandle { get; init; }

    /// <summary>Gets the role's name, as in the role catalog.</summary>
    public string? Role { get; init; }

    /// <summary>Gets the handles of groups of the team that the membership joins (it leaves none).</summary>
    public IReadOnlyList<string?> Groups { get; init; } = [];

    /// <summary>
    /// Gets the hash of the user's password in the library's own format, <c>v1.pbkdf2-sha512.{iterations}.{salt}.{key}</c>
    /// (PBKDF2 with HMAC-SHA512, a 16-byte salt and a 32-byte key, both base64url without padding), as a previous
    /// TeamAccess store or a converter wrote it (ASP.NET Core Identity's V3 hashes since .NET 7 are this function at
    /// 100,000 iterations). Its iterations must lie between a quarter of <see cref="PasswordOptions.MinimumIterations"/>
    /// (52,500) and four times the host's <see cref="PasswordOptions.Iterations"/>; a hash below the host's count is
    /// rehashed at its user's first sign-in. Only the host's import (<see cref="IImportService.ImportAsHostAsync"/>) takes
    /// it: it sets the password of a user that import creates, whose address the host vouches for; an existing user's
    /// password is never replaced by an import. A team member's import refuses a row with a hash
    /// (<see cref="TeamAccessErrorCode.PasswordHashNeedsHost"/>). Without it the host's import creates the user with no
    /// password, who chooses one through the password-reset link.
    /// </summary>
    public string? PasswordHash { get; init; }

    /// <summary>
    /// Gets whether the host's import invites the address (an Invited membership and an invitation message after the
    /// commit) instead of adding the person as an Active member; a team member's import invites every new address anyway.
    /// An invited row carries no password hash; its names are the invitee's to give.
    /// </summary>
    public bool Invite { get; init; }

    // The generated ToString would print the password hash: a host logging a refused row must not leak it.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"Email = {Email}, FirstName = {FirstName}, LastName = {LastName}, TeamHandle = {TeamHandle}, Role = {Role}, Groups = [{string.Join(", ", Groups ?? [])}], Invite = {Invite}");
        return true;
    }

    /// <summary>Gets whether the row could not be read (a CSV line with the wrong number of fields or a broken quote).</summary>
    internal bool Malformed { get; init; }
}
