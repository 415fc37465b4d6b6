using Microsoft.Extensions.Diagnostics.HealthChecks;
using TeamAccess.Index;

namespace TeamAccess.Hosting;

/// <summary>
/// Reports whether this instance follows the change feed within the staleness bound: Healthy while it does, and
/// Unhealthy (or, when the instance keeps answering from its last state, Degraded) once it has not read the feed for
/// longer than the bound. With event handlers, it is also Degraded while an event has been held (its handler throwing)
/// for <see cref="EventOptions.MaxAttemptsBeforeDegraded"/> attempts or more. Register it with <c>services.AddHealthChecks().AddCheck&lt;TeamAccessHealthCheck&gt;("teamaccess")</c>.
/// </summary>
public sealed class TeamAccessHealthCheck : IHealthCheck
{
    private readonly ChangeFeedFollower _follower;
    private readonly bool _failsClosed;
    private readonly EventDispatcher? _events;

    internal TeamAccessHealthCheck(ChangeFeedFollower follower, bool failsClosed, EventDispatcher? events = null)
    {
        _follower = follower;
        _failsClosed = failsClosed;
        _events = events;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["position"] = _follower.Position,
            ["sinceLastRead"] = _follower.SinceLastRead,
        };
        if (_events is not null)
        {
            data["heldEvents"] = _events.HeldCount;
            data["heldEventAttempts"] = _events.MostAttempts;
        }

        if (!_follower.HasFeed || !_follower.IsStale)
        {
            if (_events is { IsDegraded: true })
            {
                return Task.FromResult(HealthCheckResult.Degraded(
                    $"An event has been held for {_events.MostAttempts} failed deliveries: its team's later events wait; fix the handler or skip the event (ITeamAccessEventAdmin).",
                    data: data));
            }

            return Task.FromResult(!_follower.HasFeed
                ? HealthCheckResult.Healthy("The store has no change feed: this is the only instance.", data)
                : HealthCheckResult.Healthy("Following the change feed within the staleness bound.", data));
        }

        var description = $"The change feed has not been read for {_follower.SinceLastRead}, longer than the staleness bound.";
        return Task.FromResult(_failsClosed ? HealthCheckResult.Unhealthy(description, data: data) : HealthCheckResult.Degraded(description, data: data));
    }
}
