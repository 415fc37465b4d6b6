namespace TeamAccess;

/// <summary>The tenant: owns memberships, groups and grants. The team is the consistency boundary.</summary>
/// <param name="Id">The team's id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Handle">The unique handle (see <see cref="TeamAccess.Handle"/>), fixed at creation.</param>
/// <param name="Tier">The billing tier.</param>
/// <param name="Status">Active or Deleted.</param>
/// <param name="CreatedAt">When the team was created.</param>
public sealed record Team(TeamId Id, string Name, string Handle, TeamTier Tier, TeamStatus Status, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// Gets the version, bumped by every change to the team, its memberships, groups or grants in the same transaction.
    /// A writer whose expected version is stale gets a conflict and retries.
    /// </summary>
    public long Version { get; init; }

    /// <summary>Gets how people sign in to the team: the providers it accepts, whether it requires its SSO provider, and just-in-time joining.</summary>
    public TeamSignInPolicy SignInPolicy { get; init; } = TeamSignInPolicy.Open;

    /// <summary>
    /// Gets the team's ownership offer, if one was made and not yet answered, withdrawn or closed (it may have expired:
    /// see <see cref="OwnershipOffer.IsOpenAt"/>). At most one per team; see <see cref="IOwnershipService"/>.
    /// </summary>
    public OwnershipOffer? OwnershipOffer { get; init; }
}
