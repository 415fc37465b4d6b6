using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeamAccess.Accounts;
using TeamAccess.Index;

namespace TeamAccess.Hosting;

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
    /// <summary>How often a long start-up load reports its progress.</summary>
    internal static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

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
            long memberships = 0;
            var reported = started;
            await foreach (var snapshot in teams.LoadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                engine.Apply(snapshot);
                count++;
                memberships += snapshot.Memberships.Count;

                // A long load says how far it got and how fast, so a slow start is told from a stuck one.
                if ((count & 0xFF) == 0 && time.GetElapsedTime(reported) >= ProgressInterval)
                {
                    reported = time.GetTimestamp();
                    var elapsed = time.GetElapsedTime(started);
                    _logger.StartupLoadProgress(count, memberships, elapsed, memberships / Math.Max(elapsed.TotalSeconds, 0.001));
                }
            }

            _logger.StartupLoaded(count, memberships, time.GetElapsedTime(started));
        }

        follower.Start(from);
    }

    public Task StopAsync(CancellationToken cancellationToken) => follower.DisposeAsync().AsTask();
}
