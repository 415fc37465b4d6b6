namespace TeamAccess.Storage;

/// <summary>
/// A team's claim on an email domain, proven by a DNS TXT record <c>teamaccess-verification=&lt;challenge&gt;</c>. A store
/// keeps at most one <see cref="TeamDomainState.Verified"/> claim per domain across all teams (a unique index on
/// <see cref="VerifiedDomain"/>), and finds the claims due for a check by <see cref="NextCheckAt"/>.
/// </summary>
public sealed record StoredTeamDomain
{
    /// <summary>Initializes a new instance of the <see cref="StoredTeamDomain"/> record.</summary>
    /// <param name="id">The claim's id.</param>
    /// <param name="teamId">The team that claims the domain.</param>
    /// <param name="domain">The lower-case domain.</param>
    /// <param name="challenge">The random value the TXT record must carry (not a secret: it is published).</param>
    /// <param name="createdAt">When it was claimed.</param>
    public StoredTeamDomain(TeamDomainId id, TeamId teamId, string domain, string challenge, DateTimeOffset createdAt)
    {
        Id = id;
        TeamId = teamId;
        Domain = domain;
        Challenge = challenge;
        CreatedAt = createdAt;
        NextCheckAt = createdAt;
    }

    /// <summary>Gets the claim's id.</summary>
    public TeamDomainId Id { get; init; }

    /// <summary>Gets the team.</summary>
    public TeamId TeamId { get; init; }

    /// <summary>Gets the lower-case domain.</summary>
    public string Domain { get; init; }

    /// <summary>Gets the value the TXT record must carry after <c>teamaccess-verification=</c>.</summary>
    public string Challenge { get; init; }

    /// <summary>Gets the claim's state.</summary>
    public TeamDomainState State { get; init; }

    /// <summary>Gets the domain while the claim is verified, otherwise <see langword="null"/>: the column a store keeps unique.</summary>
    public string? VerifiedDomain => State == TeamDomainState.Verified ? Domain : null;

    /// <summary>Gets when it was claimed.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when it was last checked; <see langword="null"/> before the first check.</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>Gets when the background check is due next.</summary>
    public DateTimeOffset NextCheckAt { get; init; }
}
