using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Writes;

namespace TeamAccess.Hosting;

/// <summary>
/// The instance's meter, <c>TeamAccess</c> (from the host's <see cref="IMeterFactory"/> when it has one): what an operator
/// watches besides the health check. Held events (security review 3, Events): how many this instance holds and the most
/// failed deliveries of one, so a lagging consumer is told from a dead one; and the background mail queue's length.
/// </summary>
internal sealed class TeamAccessMetrics : IDisposable
{
    /// <summary>The meter's name, for a host's <c>AddMeter</c>.</summary>
    public const string MeterName = "TeamAccess";

    private readonly Meter _meter;
    private readonly bool _owned;

    public TeamAccessMetrics(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetService<IMeterFactory>();
        _owned = factory is null;
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        if (services.GetService<EventDispatcher>() is { } events)
        {
            _meter.CreateObservableGauge("teamaccess.events.held", () => events.HeldCount, "{event}", "Events this instance holds: failing, or waiting behind a failing event of their team.");
            _meter.CreateObservableGauge("teamaccess.events.held.attempts", () => events.MostAttempts, "{attempt}", "The most failed deliveries of one held event.");
        }

        var mail = services.GetRequiredService<MessageDelivery>();
        _meter.CreateObservableGauge("teamaccess.mail.queued", () => mail.Queued, "{message}", "Messages waiting in the background mail queue.");
    }

    /// <summary>Gets the meter (for tests that listen to this instance's instruments only).</summary>
    internal Meter Meter => _meter;

    public void Dispose()
    {
        if (_owned)
        {
            _meter.Dispose();
        }
    }
}
