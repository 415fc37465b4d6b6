namespace TeamAccess;

/// <summary>The tenant: owns memberships, groups and grants. The team is the consistency boundary.</summary>
public sealed record Team
{
    /// <summary>Initializes a new instance of the <see cref="Team"/> record.</summary>
    /// <param name="id">The team's id.</param>
    /// <param name="name">The display name.</param>
    /// <param name="handle">The unique handle (see <see cref="TeamAccess.Handle"/>), fixed at creation.</param>
    /// <param name="tier">The billing tier.</param>
    /// <param name="status">Active or Deleted.</param>
    /// <param name="createdAt">When the team was created.</param>
    public Team(TeamId id, string name, string handle, TeamTier tier, TeamStatus status, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        Handle = handle;
        Tier = tier;
        Status = status;
        CreatedAt = createdAt;
    }

    /// <summary>Gets the team's id.</summary>
    public TeamId Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; init; }

    /// <summary>Gets the unique handle (see <see cref="TeamAccess.Handle"/>), fixed at creation.</summary>
    public string Handle { get; init; }

    /// <summary>Gets the billing tier.</summary>
    public TeamTier Tier { get; init; }

    /// <summary>Gets the team's status: Active or Deleted.</summary>
    public TeamStatus Status { get; init; }

    /// <summary>Gets when the team was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Gets the version, bumped by every change to the team, its memberships, groups or grants in the same transaction.
    /// A writer whose expected version is stale gets a conflict and retries.
    /// </summary>
    public long Version { get; init; }

    /// <summary>Gets how people sign in to the team: the providers it accepts, whether it requires its SSO provider, and just-in-time joining.</summary>
    public TeamSignInPolicy SignInPolicy { get; init; } = TeamSignInPolicy.Open;

    /// <summary>
    /// Gets the team's ownership offer, if one was made and not yet answered, withdrawn or closed (it may have expired:
    /// see <see cref="OwnershipOffer.IsOpenAt"/>). At most one per team; see <see cref="TeamAccess.Ownership.IOwnershipService"/>.
    /// </summary>
    public OwnershipOffer? OwnershipOffer { get; init; }
}
