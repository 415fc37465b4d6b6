namespace TeamAccess.Storage;

/// <summary>Reads users. Writes go through <see cref="IChangeStore"/>, in one transaction with the rest of a change.</summary>
public interface IUserStore
{
    /// <summary>Finds a user by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    ValueTask<StoredUser?> FindByIdAsync(UserId id, CancellationToken cancellationToken);

    /// <summary>Finds a user by normalized email address.</summary>
    /// <param name="normalizedEmail">The address, normalized by <see cref="EmailAddress.TryNormalize"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    ValueTask<StoredUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>
    /// Finds the users of many normalized email addresses at once (an import's batch). The default asks
    /// <see cref="FindByEmailAsync"/> for each; a database store answers in one query per few thousand addresses.
    /// </summary>
    /// <param name="normalizedEmails">The addresses, each normalized by <see cref="EmailAddress.TryNormalize"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users found, in no particular order; an address without a user has none.</returns>
    async ValueTask<IReadOnlyList<StoredUser>> FindByEmailsAsync(IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedEmails);
        var found = new List<StoredUser>();
        foreach (var email in normalizedEmails)
        {
            if (await FindByEmailAsync(email, cancellationToken).ConfigureAwait(false) is { } user)
            {
                found.Add(user);
            }
        }

        return found;
    }

    /// <summary>Finds the user linked to an external identity, by (issuer, subject).</summary>
    /// <param name="issuer">The provider's issuer.</param>
    /// <param name="subject">The subject at the provider.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    ValueTask<StoredUser?> FindByLoginAsync(string issuer, string subject, CancellationToken cancellationToken);
}
