using System.Text.Json.Serialization;

namespace TeamAccess.Storage;

/// <summary>
/// A user as a store keeps it, with its password hash, stamps, counters and pending token hashes. Hosts see the
/// <see cref="User"/> view, which carries none of them.
/// </summary>
/// <param name="Id">The user's id.</param>
/// <param name="Email">The normalized email address (see <see cref="EmailAddress"/>), unique across users.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="CreatedAt">When the user was created.</param>
public sealed record StoredUser(UserId Id, string Email, string FirstName, string LastName, DateTimeOffset CreatedAt)
{
    /// <summary>Gets the host's view of the user, without stored secrets, stamps or counters.</summary>
    /// <returns>The view.</returns>

    /// <summary>Gets the stamp that changes on every write; a store refuses a write whose stamp is stale.</summary>
    public Guid ConcurrencyStamp { get; init; } = Guid.NewGuid();

    /// <summary>
    /// Gets the native password's hash (versioned PBKDF2 format), or <see langword="null"/> for a user who signs in only
    /// through identity providers. Never part of an audit event.
    /// </summary>
    [JsonIgnore]
    public string? PasswordHash { get; init; }

    // The generated ToString would print the password hash: a host logging a result must not leak it.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"Id = {Id}, Email = {Email}, FirstName = {FirstName}, LastName = {LastName}, CreatedAt = {CreatedAt:O}, EmailConfirmed = {EmailConfirmed}");
        return true;
    }

    /// <summary>
    /// Gets whether the email address is proven: by the activation link, by accepting an invitation sent to it, or by an
    /// identity provider the host made authoritative for its domain. An unconfirmed user is never linked to an external
    /// identity by email and never joins just in time, and (by default) cannot sign in with a password.
    /// </summary>
    public bool EmailConfirmed { get; init; }

    /// <summary>Gets the SHA-256 hash of the pending activation token, or <see langword="null"/> when none is pending. Never part of an audit event.</summary>
    [JsonIgnore]
    public string? EmailConfirmationHash { get; init; }

    /// <summary>Gets when the pending activation token stops working.</summary>
    public DateTimeOffset? EmailConfirmationExpiresAt { get; init; }

    /// <summary>Gets how many password sign-ins were attempted since the last success or lockout (each counted before it is judged).</summary>
    public int FailedSignInCount { get; init; }

    /// <summary>Gets when a lockout after repeated failed sign-ins ends, if the user is or was locked out.</summary>
    public DateTimeOffset? LockoutEnd { get; init; }

    /// <summary>
    /// Gets the user's session stamp, which every session token names: replacing it (signing out everywhere, changing
    /// or resetting the password) ends every session issued before.
    /// </summary>
    public Guid SessionStamp { get; init; } = Guid.NewGuid();

    /// <summary>
    /// Gets the hash (SHA-256, base64url) of the pending password reset token, or <see langword="null"/> when none is
    /// pending. The token itself is never stored. Never part of an audit event.
    /// </summary>
    [JsonIgnore]
    public string? PasswordResetTokenHash { get; init; }

    /// <summary>Gets when the pending password reset token stops working.</summary>
    public DateTimeOffset? PasswordResetExpiresAt { get; init; }

    /// <summary>
    /// Gets the authenticator's secret (RFC 6238), encrypted with the host's key (an <c>ISecretProtector</c>), or
    /// <see langword="null"/> when the user has no authenticator, confirmed or pending. Never part of an audit event.
    /// </summary>
    [JsonIgnore]
    public string? AuthenticatorSecret { get; init; }

    /// <summary>Gets when the user confirmed the authenticator with a first code; <see langword="null"/> while the enrolment is pending (or there is none).</summary>
    public DateTimeOffset? AuthenticatorConfirmedAt { get; init; }

    /// <summary>
    /// Gets the time step (30-second periods since the Unix epoch) of the last authenticator code accepted: a code of this
    /// step or an earlier one is refused, so a code works once, also across instances (the write that records it checks
    /// the user's <see cref="ConcurrencyStamp"/>).
    /// </summary>
    public long AuthenticatorLastTimeStep { get; init; }

    /// <summary>
    /// Gets the hashes (SHA-256, base64url, space-separated) of the recovery codes not used yet, or <see langword="null"/>
    /// when there are none. The codes themselves are shown once and never stored. Never part of an audit event.
    /// </summary>
    [JsonIgnore]
    public string? RecoveryCodeHashes { get; init; }

    /// <summary>
    /// Gets how many passkeys the user has registered (<see cref="IPasskeyStore"/>): kept with them in the same write, so
    /// whether the user has a second factor is known without reading the passkeys.
    /// </summary>
    public int PasskeyCount { get; init; }
}
