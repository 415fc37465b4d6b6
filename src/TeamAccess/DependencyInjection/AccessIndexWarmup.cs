using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TeamAccess;

/// <summary>
/// Loads every team from the store into the permission index when the host starts, so that the first check after a
/// restart already knows every team, then starts following the change feed from the position read before the load:
/// whatever another instance commits during the load is read from the feed afterwards, so nothing is lost. Hosts
/// without the generic host call <c>WarmUpTeamAccessAsync</c> themselves.
/// </summary>
internal sealed class AccessIndexWarmup(
    IServiceScopeFactory scopes,
    AccessEngine engine,
    TimeProvider time,
    IdentityProviderRegistry providers,
    SessionKeys sessionKeys,
    ChangeFeedFollower follower,
    ILogger<AccessIndexWarmup>? logger = null) : IHostedService
{
    private readonly ILogger _logger = logger ?? NullLogger<AccessIndexWarmup>.Instance;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved above so that a misconfigured identity provider or session key fails the host's start, not a sign-in.
        _ = (providers, sessionKeys);
        var started = time.GetTimestamp();
        var from = await follower.GetHeadAsync(cancellationToken).ConfigureAwait(false);
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var teams = scope.ServiceProvider.GetRequiredService<ITeamStore>();
            var count = 0;
            await foreach (var snapshot in teams.LoadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                engine.Apply(snapshot);
                count++;
            }

            _logger.LogInformation("TeamAccess loaded {Count} teams into the permission index in {Elapsed}", count, time.GetElapsedTime(started));
        }

        follower.Start(from);
    }

    public Task StopAsync(CancellationToken cancellationToken) => follower.DisposeAsync().AsTask();
}
