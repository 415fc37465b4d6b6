using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Accounts;

/// <content>Confirming a sign-up's email address: the activation link, and sending it again.</content>
internal sealed partial class UserService
{
    public async ValueTask<Result<User>> ConfirmEmailAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token is not null && token.StartsWith(SignUpTokenPrefix, StringComparison.Ordinal))
        {
            return await CompleteSignUpAsync(token, cancellationToken).ConfigureAwait(false);
        }

        Span<Guid> ids = stackalloc Guid[1];
        if (!SecretTokens.TryRead(token, ActivationToken, ids, out var secretHash))
        {
            return Result<User>.Failed(TeamAccessErrorCode.InvalidToken, InvalidActivationLink);
        }

        var userId = new UserId(ids[0]);
        return await writer.RunAsync<StoredUser>(userId, "ConfirmEmail", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
            if (user is null || !SecretTokens.Matches(user.EmailConfirmationHash, secretHash))
            {
                return Result<StoredUser>.Failed(TeamAccessErrorCode.InvalidToken, InvalidActivationLink);
            }

            if (user.EmailConfirmationExpiresAt is not { } expires || changes.Now >= expires)
            {
                return Result<StoredUser>.Failed(TeamAccessErrorCode.EmailConfirmationExpired);
            }

            var confirmed = user with { EmailConfirmed = true, EmailConfirmationHash = null, EmailConfirmationExpiresAt = null };
            changes.UpdateUser(user, confirmed, AuditActions.UserEmailConfirmed);
            return Result<StoredUser>.Ok(confirmed);
        }, cancellationToken).AsView().ConfigureAwait(false);
    }

    public async ValueTask<Result> ResendEmailConfirmationAsync(string email, CancellationToken cancellationToken = default)
    {
        if (!EmailAddress.TryNormalize(email, out var normalized))
        {
            return Result.Success;
        }

        // Every well-formed address spends its budget, whether or not it has an account waiting for activation: the
        // same answer and the same counted try either way, and no inbox gets more than the budget a day.
        if (!await SpendMailAsync("activation", normalized, Confirmation.MaxMessagesPerAddressPerDay, cancellationToken).ConfigureAwait(false)
            || await users.FindByEmailAsync(normalized, cancellationToken).ConfigureAwait(false) is not { EmailConfirmed: false } found)
        {
            // The same answer whatever exists, and the same committed write a real resend costs: the page and its timing
            // tell nobody which addresses have accounts waiting for activation.
            await RecordAttemptAsync("ResendEmailConfirmation", AuditActions.UserEmailConfirmationReissued, cancellationToken).ConfigureAwait(false);
            return Result.Success;
        }

        var activation = SecretTokens.Issue(ActivationToken, found.Id.Value);
        var reissued = await writer.RunAsync<StoredUser>(found.Id, "ResendEmailConfirmation", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(found.Id, ct).ConfigureAwait(false);
            if (user is null || user.EmailConfirmed)
            {
                return Result<StoredUser>.Failed(TeamAccessErrorCode.NoChange);
            }

            // The last send is when the current link was issued: its expiry less the lifetime.
            if (user.EmailConfirmationExpiresAt is { } expires && changes.Now < expires - Confirmation.Lifetime + Confirmation.ResendCooldown)
            {
                return Result<StoredUser>.Failed(TeamAccessErrorCode.RateLimited);
            }

            var renewed = user with { EmailConfirmationHash = activation.Hash, EmailConfirmationExpiresAt = changes.Now + Confirmation.Lifetime };
            changes.UpdateUser(user, renewed, AuditActions.UserEmailConfirmationReissued);
            return Result<StoredUser>.Ok(renewed);
        }, cancellationToken).ConfigureAwait(false);

        if (reissued.TryGetValue(out var sent))
        {
            await SendActivationAsync(sent.Id, sent.Email, sent.FirstName, sent.EmailConfirmationExpiresAt!.Value, activation.Token, cancellationToken).ConfigureAwait(false);
        }

        return Result.Success;
    }

    private ValueTask SendActivationAsync(UserId userId, string email, string firstName, DateTimeOffset expiresAt, string token, CancellationToken cancellationToken)
    {
        // The account is committed; the person can ask for the message again if delivery fails.
        var message = new EmailConfirmationMessage(userId, email, firstName, token, expiresAt);
        return delivery.DeliverAsync("activation message of user", userId.Value, ct => confirmationSender.SendAsync(message, ct), cancellationToken);
    }
}
