using TeamAccess.Accounts;

namespace TeamAccess.Testing;

/// <summary>The test hosts bind their team-bound providers to every team they make (a test of the binding itself removes it).</summary>
public sealed class EveryTeamBinding : ITeamProviderBinding
{
    /// <summary>Gets the one binding.</summary>
    public static EveryTeamBinding Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<bool> ServesAsync(string provider, TeamId teamId, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
