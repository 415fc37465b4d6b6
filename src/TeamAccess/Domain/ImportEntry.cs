namespace TeamAccess.Domain;

/// <summary>A row that passed <see cref="TeamAccess.Import.ImportRowCheck"/>: normalized, its role found, ready for its team's aggregate.</summary>
/// <param name="RowNumber">The row's number in the stream, from 1.</param>
/// <param name="Email">The normalized email address.</param>
/// <param name="FirstName">The normalized first name, if given.</param>
/// <param name="LastName">The normalized last name, if given.</param>
/// <param name="TeamHandle">The team's handle.</param>
/// <param name="Role">The role.</param>
/// <param name="Groups">The group handles, each once.</param>
/// <param name="PasswordHash">The password hash, in the importable format, if given.</param>
/// <param name="Invite">Whether to invite rather than add.</param>
internal sealed record ImportEntry(long RowNumber, string Email, string? FirstName, string? LastName, string TeamHandle, Role Role, IReadOnlyList<string> Groups, string? PasswordHash, bool Invite)
{
    // The generated ToString would print the password hash: a row in a log must not carry it.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"RowNumber = {RowNumber}, Email = {Email}, FirstName = {FirstName}, LastName = {LastName}, TeamHandle = {TeamHandle}, Role = {Role}, Groups = [{string.Join(", ", Groups ?? [])}], PasswordHash = {(PasswordHash is null ? "null" : "***")}, Invite = {Invite}");
        return true;
    }
}
