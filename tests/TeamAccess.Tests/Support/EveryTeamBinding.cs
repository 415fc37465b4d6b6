namespace TeamAccess.Tests;

/// <summary>The test host binds its team-bound providers to every team it makes (a test of the binding itself removes it).</summary>
internal sealed class EveryTeamBinding : ITeamProviderBinding
{
    public static EveryTeamBinding Instance { get; } = new();

    public ValueTask<bool> ServesAsync(string provider, TeamId teamId, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
