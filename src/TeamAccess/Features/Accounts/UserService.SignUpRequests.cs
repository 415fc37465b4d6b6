namespace TeamAccess.Accounts;

/// <content>The sign-up of a public form (<see cref="IUserService.RequestSignUpAsync"/>): the same answer and work for a fresh and a taken address.</content>
internal sealed partial class UserService
{
    public async ValueTask<Result> RequestSignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (refusal, email) = await CheckFormAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return Result.Failed(refusal);
        }

        if (await users.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false) is null)
        {
            var created = await SignUpAsync(request, cancellationToken).ConfigureAwait(false);
            if (created.Succeeded || created.Error!.Code is not TeamAccessErrorCode.DuplicateEmail)
            {
                return created.Succeeded ? Result.Success : Result.Failed(created.Error!);
            }

            // Another sign-up took the address between the read and the commit: answered as a taken address below
            // (its password is hashed twice; the answer and the mail are the same).
        }

        // The work of a fresh sign-up, thrown away: the hash (the costliest step) and the handle's read.
        _ = passwordHasher.Hash(request.Password!);
        if (await writer.Teams.FindIdByHandleAsync(request.TeamHandle, cancellationToken).ConfigureAwait(false) is not null)
        {
            return Result.Failed(TeamAccessErrorCode.DuplicateHandle);
        }

        // Read again: a taken address found above may have been deleted since; its owner, if any, gets the note.
        if (await users.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false) is { } owner
            && await SpendMailAsync("activation", email, Confirmation.MaxMessagesPerAddressPerDay, cancellationToken).ConfigureAwait(false))
        {
            var note = new AccountExistsMessage(owner.Id, owner.Email, owner.FirstName, writer.Time.GetUtcNow());
            await delivery.DeliverAsync("account-exists note of user", owner.Id.Value, ct => confirmationSender.SendAccountExistsAsync(note, ct), cancellationToken).ConfigureAwait(false);
        }

        return Result.Success;
    }
}
