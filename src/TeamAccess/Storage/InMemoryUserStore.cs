namespace TeamAccess.Storage;

/// <summary>Users: by id, by email (one or many) and by external login.</summary>
internal sealed class InMemoryUserStore(InMemoryTeamAccessStore store) : IUserStore
{
    /// <inheritdoc />
    public ValueTask<StoredUser?> FindByIdAsync(UserId id, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            return ValueTask.FromResult(store.Users.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedEmail);
        lock (store.Gate)
        {
            return ValueTask.FromResult(store.UserIdsByEmail.TryGetValue(normalizedEmail, out var id) ? store.Users[id] : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredUser>> FindByEmailsAsync(IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedEmails);
        lock (store.Gate)
        {
            IReadOnlyList<StoredUser> found = normalizedEmails.Distinct(StringComparer.Ordinal)
                .Where(store.UserIdsByEmail.ContainsKey).Select(email => store.Users[store.UserIdsByEmail[email]]).ToArray();
            return ValueTask.FromResult(found);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredUser?> FindByLoginAsync(string issuer, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(subject);
        lock (store.Gate)
        {
            return ValueTask.FromResult(store.Logins.TryGetValue((issuer, subject), out var login) ? store.Users.GetValueOrDefault(login.UserId) : null);
        }
    }
}
