using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Index;
using TeamAccess.Writes;

namespace TeamAccess.Hosting;

/// <summary>
/// The gauges that read this instance's state, on the <c>TeamAccess</c> meter of <see cref="TeamAccessTelemetry"/>
/// (whose counters and histograms the rooms record to): the change feed's position, backlog and staleness; each event
/// consumer's position, delay and held events (so a lagging consumer is told from a dead one); the background mail
/// queue; and the permission index's size. An operator reads them besides the health check.
/// </summary>
internal sealed class TeamAccessMetrics
{
    /// <summary>The meter's name, for a host's <c>AddMeter</c>.</summary>
    public const string MeterName = TeamAccessTelemetry.Name;

    public TeamAccessMetrics(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var telemetry = services.GetRequiredService<TeamAccessTelemetry>();
        Meter = telemetry.Meter;
        if (services.GetService<ChangeFeedFollower>() is { HasFeed: true } feed)
        {
            Meter.CreateObservableGauge("teamaccess.change_feed.position", () => feed.Position, "{entry}", "The last change-feed entry this instance applied.");
            Meter.CreateObservableGauge("teamaccess.change_feed.backlog", () => feed.Backlog, "{entry}", "Entries the last complete read of the change feed found waiting (0: this instance was up to date).");
            Meter.CreateObservableGauge("teamaccess.change_feed.staleness", () => feed.SinceLastRead.TotalSeconds, "s", "Time since this instance last read the change feed to its end; past the staleness bound it is stale.");
        }

        if (services.GetService<EventDispatcher>() is { } events)
        {
            var consumer = new KeyValuePair<string, object?>(TeamAccessTelemetry.Consumer, events.Consumer);
            Meter.CreateObservableGauge("teamaccess.events.position", () => new Measurement<long>(events.Position, consumer), "{event}", "The audit sequence of the last event this consumer read on this instance.");
            Meter.CreateObservableGauge("teamaccess.events.delay", () => new Measurement<double>(events.LastDelay.TotalSeconds, consumer), "s", "How long the last event handed to this consumer's handlers had waited since it was recorded.");
            Meter.CreateObservableGauge("teamaccess.events.held", () => new Measurement<int>(events.HeldCount, consumer), "{event}", "Events this instance holds: failing, or waiting behind a failing event of their team.");
            Meter.CreateObservableGauge("teamaccess.events.held.attempts", () => new Measurement<int>(events.MostAttempts, consumer), "{attempt}", "The most failed deliveries of one held event.");
        }

        var mail = services.GetRequiredService<MessageDelivery>();
        Meter.CreateObservableGauge("teamaccess.mail.queued", () => mail.Queued, "{message}", "Messages waiting in the background mail queue.");

        var engine = services.GetRequiredService<AccessEngine>();
        Meter.CreateObservableGauge("teamaccess.index.teams", () => engine.TeamCount, "{team}", "Teams in this instance's permission index.");
        Meter.CreateObservableGauge("teamaccess.index.entries", engine.CountEntries, "{membership}", "Memberships (and service accounts) in this instance's permission index.");
    }

    /// <summary>Gets the meter (for tests that listen to this instance's instruments only).</summary>
    internal Meter Meter { get; }
}
