using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TeamAccess;

/// <summary>
/// What the library records for an operator: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <c>TeamAccess</c> (the meter from the host's <see cref="IMeterFactory"/> when it has one). The rooms record to the
/// instruments held here; the gauges that read an instance's state are added in Hosting (<c>TeamAccessMetrics</c>).
/// No attribute ever carries a secret, an email address or a token: ids, operation names and error codes only. The
/// permission check records nothing.
/// </summary>
internal sealed class TeamAccessTelemetry : IDisposable
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "TeamAccess";

    /// <summary>The attribute naming a write's operation (<c>ChangeRole</c>, <c>Invite</c>, ...).</summary>
    public const string Operation = "teamaccess.operation";

    /// <summary>The attribute naming how an operation ended (<c>committed</c>, <c>refused</c>, <c>conflict</c>, ...).</summary>
    public const string Outcome = "teamaccess.outcome";

    /// <summary>OpenTelemetry's attribute for the class of error an operation ended with: here the <see cref="TeamAccessErrorCode"/>.</summary>
    public const string ErrorType = "error.type";

    /// <summary>The attribute naming the kind of first factor of a sign-in (<c>password</c>, <c>external</c>, <c>passkey</c>).</summary>
    public const string ProviderKind = "teamaccess.provider.kind";

    /// <summary>The attribute naming an event consumer.</summary>
    public const string Consumer = "teamaccess.consumer";

    /// <summary>The span attribute naming the team a span is about.</summary>
    public const string TeamId = "teamaccess.team.id";

    private static readonly string Version = typeof(TeamAccessTelemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    private readonly bool _owned;

    public TeamAccessTelemetry(IMeterFactory? factory)
    {
        _owned = factory is null;
        Meter = factory?.Create(Name, Version) ?? new Meter(Name, Version);
        WriteDuration = Meter.CreateHistogram<double>("teamaccess.write.duration", "s", "How long a write took, from its first load to its commit or refusal, by operation and outcome.");
        WriteConflicts = Meter.CreateCounter<long>("teamaccess.write.conflicts", "{conflict}", "Commits that met a concurrent change of the same team and were decided again, by operation.");
        SignIns = Meter.CreateCounter<long>("teamaccess.sign_ins", "{sign_in}", "Sign-ins by the kind of their first factor and outcome (signed_in, second_factor, refused with error.type).");
        SessionsRefused = Meter.CreateCounter<long>("teamaccess.sessions.refused", "{session}", "Session validations refused, by reason (error.type).");
        ChangeFeedEntries = Meter.CreateCounter<long>("teamaccess.change_feed.entries", "{entry}", "Change-feed entries this instance read.");
        EventsDelivered = Meter.CreateCounter<long>("teamaccess.events.delivered", "{event}", "Events handed to the host's handlers, by consumer and outcome (delivered, held).");
        ImportRows = Meter.CreateCounter<long>("teamaccess.import.rows", "{row}", "Imported rows by outcome.");
    }

    /// <summary>
    /// The instance classes use when they are built by hand rather than by the container (tests, tools): its meter is
    /// the process's own, not the host's.
    /// </summary>
    public static TeamAccessTelemetry Unregistered { get; } = new(null);

    /// <summary>The library's activity source: one span per write, sign-in, team switch, store-read session validation,
    /// change-feed catch-up, event delivery batch and import batch.</summary>
    public static ActivitySource Source { get; } = new(Name, Version);

    public Meter Meter { get; }

    public Histogram<double> WriteDuration { get; }

    public Counter<long> WriteConflicts { get; }

    public Counter<long> SignIns { get; }

    public Counter<long> SessionsRefused { get; }

    public Counter<long> ChangeFeedEntries { get; }

    public Counter<long> EventsDelivered { get; }

    public Counter<long> ImportRows { get; }

    /// <summary>Starts a span when someone listens; <see langword="null"/> otherwise (nothing is allocated).</summary>
    public static Activity? Start(string name, ActivityKind kind = ActivityKind.Internal) =>
        Source.HasListeners() ? Source.StartActivity(name, kind) : null;

    /// <summary>Marks a span as ended by a refusal or failure, with OpenTelemetry's error status and <c>error.type</c>.</summary>
    public static void Failed(Activity? activity, TeamAccessErrorCode code)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(ErrorType, ErrorTypeOf(code));
        activity.SetStatus(ActivityStatusCode.Error);
    }

    /// <summary>
    /// Records one sign-in: refused with <paramref name="code"/>, else signed in (or <paramref name="pending"/>, such as
    /// <c>second_factor</c>, when the sign-in waits for another step).
    /// </summary>
    public void RecordSignIn(Activity? span, string kind, string? pending, TeamAccessErrorCode? code)
    {
        var outcome = code is null ? pending ?? "signed_in" : "refused";
        var tags = new TagList { { ProviderKind, kind }, { Outcome, outcome } };
        if (code is { } refused)
        {
            tags.Add(ErrorType, ErrorTypeOf(refused));
            Failed(span, refused);
        }

        span?.SetTag(Outcome, outcome);
        SignIns.Add(1, tags);
    }

    /// <summary>The <c>error.type</c> value of a code: its name, taken once per code.</summary>
    public static string ErrorTypeOf(TeamAccessErrorCode code) => ErrorNames.Of(code);

    public void Dispose()
    {
        if (_owned && !ReferenceEquals(this, Unregistered))
        {
            Meter.Dispose();
        }
    }

    private static class ErrorNames
    {
        private static readonly Dictionary<TeamAccessErrorCode, string> Names =
            Enum.GetValues<TeamAccessErrorCode>().Distinct().ToDictionary(code => code, code => code.ToString());

        public static string Of(TeamAccessErrorCode code) => Names.TryGetValue(code, out var name) ? name : ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
