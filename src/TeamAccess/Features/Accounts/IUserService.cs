namespace TeamAccess.Accounts;

/// <summary>User accounts: sign up, edit names, delete, look up.</summary>
public interface IUserService
{
    /// <summary>
    /// Creates a user with a password and a new team in which the user holds the guardian role. The address is not proven
    /// yet: the user starts unconfirmed, and an activation message with a single-use link token (valid for
    /// <see cref="EmailConfirmationOptions.Lifetime"/>) goes to the <see cref="IEmailConfirmationSender"/> after the commit.
    /// Until the link is used (<see cref="ConfirmEmailAsync"/>), password sign-in answers EmailNotConfirmed (by default),
    /// no external identity links to the account by email, and a provider authoritative for the address that proves it
    /// ends the account's password and sessions.
    /// </summary>
    /// <param name="request">The sign-up form.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The user, team and membership; or InvalidEmail, InvalidName, InvalidHandle, PasswordPolicy, DuplicateEmail, DuplicateHandle.</returns>
    ValueTask<Result<SignUpResult>> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The sign-up a public form calls: it tells nobody which addresses have accounts. It refuses what the form itself
    /// got wrong (the address's or a name's format, the password policy, a team handle already in use: team handles are
    /// public) and otherwise succeeds with no ids, whether or not the address has an account, after the same work (the
    /// password hashed, one counted message). Nothing is stored yet: a fresh address gets an activation message whose
    /// link carries the form, sealed with the host's <see cref="ISecretProtector"/> (the password only as its hash), and
    /// <see cref="ConfirmEmailAsync"/> with its token creates the account (its address proven) and its team, once, within
    /// <see cref="EmailConfirmationOptions.Lifetime"/>; a taken address's owner gets an <see cref="AccountExistsMessage"/>
    /// through <see cref="IEmailConfirmationSender.SendAccountExistsAsync"/> instead. Both count against the address's
    /// daily budget of activation messages. With <see cref="MailOptions.DeliverInBackground"/> no mail server's time
    /// shows in the answer either. Needs an <see cref="ISecretProtector"/> (AddAspNetCore registers one).
    /// </summary>
    /// <param name="request">The sign-up form.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; or InvalidEmail, InvalidName, InvalidHandle, PasswordPolicy, DuplicateHandle.</returns>
    ValueTask<Result> RequestSignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms a user's email address with the token of the activation link. The token works once and until it expires;
    /// it is stored only as a SHA-256 hash and compared in constant time.
    /// </summary>
    /// <param name="token">The token from the activation message.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The confirmed user; or InvalidToken (malformed, wrong, or used), EmailConfirmationExpired.</returns>
    ValueTask<Result<User>> ConfirmEmailAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a new activation message to an unconfirmed account's address (the earlier link dies), at most once per
    /// <see cref="EmailConfirmationOptions.ResendCooldown"/>. Answers success whether or not the address has an account.
    /// </summary>
    /// <param name="email">The address, as typed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, always (so the answer tells nobody which addresses have accounts).</returns>
    ValueTask<Result> ResendEmailConfirmationAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs up through an external identity provider: validates the token, needs a verified email that the provider
    /// proves (a <see cref="IdentityProviderScope.Global"/> provider the host marked authoritative for the email's domain),
    /// and creates the user (linked to the identity by issuer and subject, with no password) and a new team in which they
    /// hold the guardian role.
    /// </summary>
    /// <param name="request">The provider, its token, the names and the new team.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was created, or UnknownProvider, InvalidToken, EmailNotVerified, ProviderNotAccepted (a team-bound provider), ProviderNotAuthoritative, DuplicateEmail, LoginAlreadyLinked, DuplicateHandle, InvalidName, InvalidHandle.</returns>
    ValueTask<Result<SignUpResult>> SignUpWithIdentityAsync(ExternalSignUpRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a user's first and last names. The email is never changed by editing. Users edit their own names here; the
    /// names are shared by every team the user belongs to, so no team's guardian or administrator edits them.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="userId">The user to edit.</param>
    /// <param name="firstName">The new first name.</param>
    /// <param name="lastName">The new last name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated user; or NotFound, PermissionDenied, InvalidName.</returns>
    ValueTask<Result<User>> UpdateNameAsync(UserId actor, UserId userId, string firstName, string lastName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a user's account and removes their memberships, unless they are the last Active guardian of a team
    /// (<see cref="TeamAccessErrorCode.UserIsLastGuardian"/>). Users delete their own account.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="userId">The user to delete.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; or NotFound, PermissionDenied, UserIsLastGuardian.</returns>
    ValueTask<Result> DeleteAsync(UserId actor, UserId userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks for a password reset: when the address belongs to a user with a password, a new single-use token (stored
    /// only as a hash, valid for <see cref="PasswordOptions.ResetTokenLifetime"/>) replaces any earlier one and is handed
    /// to the <see cref="IPasswordResetSender"/>. The answer is the same whether or not the address has an account; a
    /// request within <see cref="PasswordOptions.ResetRequestCooldown"/> of the last message sends nothing.
    /// </summary>
    /// <param name="email">The address as typed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or InvalidEmail for a malformed address.</returns>
    ValueTask<Result> RequestPasswordResetAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets a new password with a reset token. The token works once and expires; the new password must meet the policy.
    /// Every session of the user ends, and a lockout after failed sign-ins is lifted.
    /// </summary>
    /// <param name="token">The token from the reset message.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; or InvalidToken (wrong, used, expired or unknown), PasswordPolicy (details list the failed criteria).</returns>
    ValueTask<Result> ResetPasswordAsync(string token, string newPassword, CancellationToken cancellationToken = default);

    /// <summary>Finds a user by email address, normalized first.</summary>
    /// <param name="email">The address.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or <see langword="null"/> (also for a malformed address).</returns>
    ValueTask<User?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Finds a user by id.</summary>
    /// <param name="userId">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    ValueTask<User?> FindByIdAsync(UserId userId, CancellationToken cancellationToken = default);
}
