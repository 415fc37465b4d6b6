namespace TeamAccess.Storage;

/// <summary>
/// A change to one team: the operations its aggregate performed, in order, beside the version the writer loaded. A store
/// writes <see cref="After"/> as the team's row if the stored version is still <see cref="ExpectedVersion"/> (or, for a
/// new team, none is stored) and applies each operation; it never needs the team's other rows.
/// </summary>
public sealed class TeamChange
{
    /// <summary>Initializes a new instance of the <see cref="TeamChange"/> class.</summary>
    /// <param name="expectedVersion">The version the writer loaded; 0 for a team this change creates.</param>
    /// <param name="after">The team as it will be stored, its version <paramref name="expectedVersion"/> plus one.</param>
    /// <param name="operations">What changed inside the team, in the order it happened.</param>
    public TeamChange(long expectedVersion, Team after, IReadOnlyList<TeamOperation> operations)
    {
        ExpectedVersion = expectedVersion;
        After = after;
        Operations = operations;
    }

    /// <summary>Gets the version the writer loaded; 0 for a team this change creates.</summary>
    public long ExpectedVersion { get; }

    /// <summary>Gets the team as it will be stored, its version <see cref="ExpectedVersion"/> plus one.</summary>
    public Team After { get; }

    /// <summary>Gets what changed inside the team, in the order it happened.</summary>
    public IReadOnlyList<TeamOperation> Operations { get; }

    /// <summary>Gets whether the change creates the team.</summary>
    public bool IsNew => ExpectedVersion == 0;
}
