using System.Text.Json;

namespace TeamAccess.Accounts;

/// <content>
/// The sign-up of a public form (<see cref="IUserService.RequestSignUpAsync"/>): the same answer and the same work for a
/// fresh and a taken address, and nothing stored until the address is proven. A fresh address's form travels in its
/// activation link, sealed with the host's <see cref="ISecretProtector"/> (the password only as its hash); the account
/// and team are created when the link is used. Stored at once, the team's handle would be taken at once, and a second
/// sign-up naming the same handle would tell whether the first address was fresh.
/// </content>
internal sealed partial class UserService
{
    /// <summary>The prefix of a sign-up link's token, which <see cref="ConfirmEmailAsync"/> tells from an activation token by it.</summary>
    internal const string SignUpTokenPrefix = "su1.";

    private const byte SignUpPayloadVersion = 1;

    // Sealing the form into its activation link needs the host's key.
    private ISecretProtector Protector => SecretProtection.Require(services, "Public sign-ups (RequestSignUpAsync)");

    public async ValueTask<Result> RequestSignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (refusal, email) = await CheckFormAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return Result.Failed(refusal);
        }

        // Team handles are public (sign-in by handle): a taken one is told, for any address alike.
        if (await writer.Teams.FindIdByHandleAsync(request.TeamHandle, cancellationToken).ConfigureAwait(false) is not null)
        {
            return Result.Failed(TeamAccessErrorCode.DuplicateHandle);
        }

        // The same work on both paths: the hash (the costliest step), one read, one counted message.
        var passwordHash = passwordHasher.Hash(request.Password!);
        var owner = await users.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        if (!await SpendMailAsync("activation", email, Confirmation.MaxMessagesPerAddressPerDay, cancellationToken).ConfigureAwait(false))
        {
            return Result.Success;
        }

        var now = writer.Time.GetUtcNow();
        if (owner is not null)
        {
            var note = new AccountExistsMessage(owner.Id, owner.Email, owner.FirstName, now);
            await delivery.DeliverAsync("account-exists note of user", owner.Id.Value, ct => confirmationSender.SendAccountExistsAsync(note, ct), cancellationToken).ConfigureAwait(false);
            return Result.Success;
        }

        var form = new SealedSignUp(SignUpPayloadVersion, UserId.New().Value, email, request.FirstName, request.LastName, request.TeamName, request.TeamHandle, passwordHash, (now + Confirmation.Lifetime).ToUnixTimeSeconds());
        var token = SignUpTokenPrefix + Protector.Protect(JsonSerializer.SerializeToUtf8Bytes(form, SealedSignUpJson.Default.SealedSignUp));
        await SendActivationAsync(new UserId(form.UserId), email, request.FirstName, DateTimeOffset.FromUnixTimeSeconds(form.ExpiresAt), token, cancellationToken).ConfigureAwait(false);
        return Result.Success;
    }

    /// <summary>
    /// Creates the account and team a sign-up link carries, the address proven by the link. Works once: a second use
    /// finds the address taken. A team handle taken since the form was sent answers DuplicateHandle (the person signs up
    /// again with another).
    /// </summary>
    private async ValueTask<Result<User>> CompleteSignUpAsync(string token, CancellationToken cancellationToken)
    {
        SealedSignUp? form;
        try
        {
            form = JsonSerializer.Deserialize(Protector.Unprotect(token[SignUpTokenPrefix.Length..]), SealedSignUpJson.Default.SealedSignUp);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException or JsonException or ArgumentException)
        {
            form = null;
        }

        if (form is null || form.Version != SignUpPayloadVersion)
        {
            return Result<User>.Failed(TeamAccessErrorCode.InvalidToken, InvalidActivationLink);
        }

        if (writer.Time.GetUtcNow() >= DateTimeOffset.FromUnixTimeSeconds(form.ExpiresAt))
        {
            return Result<User>.Failed(TeamAccessErrorCode.EmailConfirmationExpired);
        }

        var started = await StartAsync(new UserId(form.UserId), form.Email, form.FirstName, form.LastName, form.TeamName, form.TeamHandle, form.PasswordHash, null, null, true, cancellationToken).ConfigureAwait(false);
        return started.TryGetValue(out var created)
            ? Result<User>.Ok(created.User)
            : started.Code is TeamAccessErrorCode.DuplicateEmail
                ? Result<User>.Failed(TeamAccessErrorCode.InvalidToken, InvalidActivationLink)
                : Result<User>.Failed(started.Error!);
    }
}
