namespace TeamAccess.Storage;

/// <summary>
/// A change to one team: the operations its aggregate performed, in order, beside the version the writer loaded. A store
/// writes <see cref="After"/> as the team's row if the stored version is still <see cref="ExpectedVersion"/> (or, for a
/// new team, none is stored) and applies each operation; it never needs the team's other rows.
/// </summary>
/// <param name="ExpectedVersion">The version the writer loaded; 0 for a team this change creates.</param>
/// <param name="After">The team as it will be stored, its version <paramref name="ExpectedVersion"/> plus one.</param>
/// <param name="Operations">What changed inside the team, in the order it happened.</param>
public sealed record TeamChange(long ExpectedVersion, Team After, IReadOnlyList<TeamOperation> Operations)
{
    /// <summary>Gets whether the change creates the team.</summary>
    public bool IsNew => ExpectedVersion == 0;
}
