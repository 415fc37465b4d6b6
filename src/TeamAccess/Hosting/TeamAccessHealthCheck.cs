using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TeamAccess;

/// <summary>
/// Reports whether this instance follows the change feed within the staleness bound: Healthy while it does, and
/// Unhealthy (or, when the instance keeps answering from its last state, Degraded) once it has not read the feed for
/// longer than the bound. Register it with <c>services.AddHealthChecks().AddCheck&lt;TeamAccessHealthCheck&gt;("teamaccess")</c>.
/// </summary>
public sealed class TeamAccessHealthCheck : IHealthCheck
{
    private readonly ChangeFeedFollower _follower;
    private readonly bool _failsClosed;

    internal TeamAccessHealthCheck(ChangeFeedFollower follower, bool failsClosed)
    {
        _follower = follower;
        _failsClosed = failsClosed;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["position"] = _follower.Position,
            ["sinceLastRead"] = _follower.SinceLastRead,
        };
        if (!_follower.HasFeed)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The store has no change feed: this is the only instance.", data));
        }

        if (!_follower.IsStale)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Following the change feed within the staleness bound.", data));
        }

        var description = $"The change feed has not been read for {_follower.SinceLastRead}, longer than the staleness bound.";
        return Task.FromResult(_failsClosed ? HealthCheckResult.Unhealthy(description, data: data) : HealthCheckResult.Degraded(description, data: data));
    }
}
