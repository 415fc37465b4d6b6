using Microsoft.Extensions.Options;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Accounts;

/// <content>Resetting a forgotten password: the request (a link by email) and the reset with its token.</content>
internal sealed partial class UserService
{
    public async ValueTask<Result> RequestPasswordResetAsync(string email, CancellationToken cancellationToken = default)
    {
        if (!EmailAddress.TryNormalize(email, out var normalized))
        {
            return Result.Failed(TeamAccessErrorCode.InvalidEmail);
        }

        // Counted for every address, known or not (the same work and answer either way); past the daily budget nothing
        // is sent.
        if (!await SpendMailAsync("reset", normalized, Passwords.MaxResetMessagesPerAddressPerDay, cancellationToken).ConfigureAwait(false))
        {
            _logger.ResetBudgetSpent(Passwords.MaxResetMessagesPerAddressPerDay);
            return Result.Success;
        }

        var found = await users.FindByEmailAsync(normalized, cancellationToken).ConfigureAwait(false);
        if (found?.PasswordHash is null)
        {
            // Same answer, and the same committed write a real request costs: the timing does not tell whether the
            // address has an account with a password.
            await RecordAttemptAsync("RequestPasswordReset", AuditActions.UserPasswordResetRequested, cancellationToken).ConfigureAwait(false);
            return Result.Success;
        }

        string? token = null;
        var requested = await writer.RunAsync(found.Id, "RequestPasswordReset", async (changes, ct) =>
        {
            token = null;
            var user = await users.FindByIdAsync(found.Id, ct).ConfigureAwait(false);
            if (user?.PasswordHash is null
                || (user.PasswordResetExpiresAt is { } pending && pending - Passwords.ResetTokenLifetime + Passwords.ResetRequestCooldown > changes.Now))
            {
                return Result<StoredUser?>.Ok(null);
            }

            var (created, hash) = SecretTokens.Issue(PasswordResetToken, user.Id.Value);
            token = created;
            var after = user with { PasswordResetTokenHash = hash, PasswordResetExpiresAt = changes.Now + Passwords.ResetTokenLifetime };
            changes.UpdateUser(user, after, AuditActions.UserPasswordResetRequested);
            return Result<StoredUser?>.Ok(after);
        }, cancellationToken).ConfigureAwait(false);

        if (requested.TryGetValue(out var issued) && issued is not null && token is not null)
        {
            // The answer stays the same whether or not delivery works: it must not tell whether the address has an account.
            var message = new PasswordResetMessage(issued.Id, issued.Email, token, issued.PasswordResetExpiresAt!.Value);
            await delivery.DeliverAsync("password reset of user", issued.Id.Value, ct => resetSender.SendAsync(message, ct), cancellationToken).ConfigureAwait(false);
        }

        return Result.Success;
    }

    public async ValueTask<Result> ResetPasswordAsync(string token, string newPassword, CancellationToken cancellationToken = default)
    {
        Span<Guid> ids = stackalloc Guid[1];
        if (!SecretTokens.TryRead(token, PasswordResetToken, ids, out var secretHash))
        {
            return Result.Failed(TeamAccessErrorCode.InvalidToken, InvalidResetLink);
        }

        var userId = new UserId(ids[0]);
        var found = await users.FindByIdAsync(userId, cancellationToken).ConfigureAwait(false);
        if (found is null || !SecretTokens.Matches(found.PasswordResetTokenHash, secretHash) || found.PasswordResetExpiresAt is not { } expires || writer.Time.GetUtcNow() >= expires)
        {
            return Result.Failed(TeamAccessErrorCode.InvalidToken, InvalidResetLink);
        }

        var failed = await passwordPolicy.CheckAsync(newPassword, found.Email, cancellationToken).ConfigureAwait(false);
        if (failed.Count > 0)
        {
            return Result.Failed(PasswordPolicy.Refusal(failed));
        }

        var hash = passwordHasher.Hash(newPassword);
        var reset = await writer.RunAsync(userId, "ResetPassword", async (changes, ct) =>
        {
            // Judged again on the row the write replaces: a token used by a racing reset is gone from it.
            var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
            if (user is null || !SecretTokens.Matches(user.PasswordResetTokenHash, secretHash) || user.PasswordResetExpiresAt is not { } end || changes.Now >= end)
            {
                return Result<StoredUser>.Failed(TeamAccessErrorCode.InvalidToken, InvalidResetLink);
            }

            var after = user with
            {
                PasswordHash = hash,
                PasswordResetTokenHash = null,
                PasswordResetExpiresAt = null,
                SessionStamp = Guid.NewGuid(),
                FailedSignInCount = 0,
                LockoutEnd = null,
            };
            changes.UpdateUser(user, after, AuditActions.UserPasswordReset);
            return Result<StoredUser>.Ok(after);
        }, cancellationToken).ConfigureAwait(false);
        if (!reset.Succeeded)
        {
            return Result.Failed(reset.Error!);
        }

        _logger.PasswordReset(userId);
        return Result.Success;
    }
}
