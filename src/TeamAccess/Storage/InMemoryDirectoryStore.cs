namespace TeamAccess.Storage;

/// <summary>The directory's reads of a team's members with their names.</summary>
internal sealed class InMemoryDirectoryStore(InMemoryTeamAccessStore store) : IDirectoryStore
{
    /// <inheritdoc />
    public ValueTask<DirectoryMemberPage> ListDirectoryMembersAsync(TeamId teamId, DirectoryMemberQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (store.Gate)
        {
            if (!store.Teams.TryGetValue(teamId, out var team))
            {
                return ValueTask.FromResult(new DirectoryMemberPage([], 0));
            }

            var matching = team.Memberships.Values
                .Where(m => !m.Status.IsTerminal() && !m.IsServiceAccount)
                .Where(m => query.Email is null || string.Equals(m.Email, query.Email, StringComparison.Ordinal))
                .Where(m => query.ExternalId is null || string.Equals(m.ExternalId, query.ExternalId, StringComparison.Ordinal))
                .Where(m => query.Id is null || m.Id == query.Id)
                .OrderBy(m => m.Email, StringComparer.Ordinal).ThenBy(m => m.Id.Value)
                .ToList();
            var rows = matching.Skip(query.Offset).Take(query.Count).Select(m =>
            {
                var user = m.UserId is { } id ? store.Users.GetValueOrDefault(id) : null;
                return new DirectoryMemberRow(m, user?.FirstName, user?.LastName);
            }).ToList();
            return ValueTask.FromResult(new DirectoryMemberPage(rows, matching.Count));
        }
    }
}
