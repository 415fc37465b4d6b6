using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Hosting;
using TeamAccess.Import;

namespace TeamAccess.Tests;

/// <summary>
/// Issue 27: the <c>TeamAccess</c> activity source and meter, read as an operator's exporter would (an
/// <see cref="ActivityListener"/> and a <see cref="MeterListener"/>): the documented names, units and attributes, and no
/// email address or token in any attribute. Each test listens to its own test bed's meter and to the spans under its
/// own parent, so tests running beside it add nothing to what it reads.
/// </summary>
public sealed partial class TelemetryTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task AWrite_IsOneSpanNamedByItsOperation_AndOneDurationByOperationAndOutcome()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        using var metrics = new Measurements(Meter(bed));
        using var spans = new Spans();

        using (spans.Parent())
        {
            Assert.True((await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), RolePresets.Administrator)).Succeeded);
            Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, (await bed.Members.ChangeRoleAsync(crew[0], crew.TeamId, crew.Owner.Membership.Id, RolePresets.Member)).Code);
        }

        var written = spans.Named("ChangeRole");
        Assert.Equal(2, written.Count);
        Assert.All(written, span => Assert.Equal(crew.TeamId.Value, span.GetTagItem("teamaccess.team.id")));
        Assert.Equal("committed", written[0].GetTagItem("teamaccess.outcome"));
        Assert.Equal(1, written[0].GetTagItem("teamaccess.write.attempts"));
        Assert.Equal(ActivityStatusCode.Error, written[1].Status);
        Assert.Equal("RoleRankTooHigh", written[1].GetTagItem("error.type"));

        var durations = metrics.Of("teamaccess.write.duration").Where(m => Equals(m.Tag("teamaccess.operation"), "ChangeRole")).ToList();
        Assert.Equal(["committed", "refused"], durations.Select(m => m.Tag("teamaccess.outcome")));
        Assert.Equal("RoleRankTooHigh", durations[1].Tag("error.type"));
        Assert.All(durations, m => Assert.True(m.Value >= 0));
        Assert.Equal("s", metrics.UnitOf("teamaccess.write.duration"));
    }

    [Fact]
    public async Task SignIns_AreCountedByKindAndOutcome_AndRefusedSessionsByReason()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        using var metrics = new Measurements(Meter(bed));
        using var spans = new Spans();

        Result<Session> session;
        using (spans.Parent())
        {
            session = await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id);
            Assert.True(session.Succeeded);
            Assert.False((await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", "not the password at all"), ada.Team.Id)).Succeeded);
            Assert.True((await bed.Sessions.SignOutAsync(session.Value!.AccessToken)).Succeeded);
            Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(session.Value.AccessToken, ada.Team.Id)).Code);
        }

        var signIns = metrics.Of("teamaccess.sign_ins");
        Assert.Equal(2, signIns.Count);
        Assert.All(signIns, m => Assert.Equal("password", m.Tag("teamaccess.provider.kind")));
        Assert.Equal(["signed_in", "refused"], signIns.Select(m => m.Tag("teamaccess.outcome")));
        Assert.Equal("InvalidCredentials", signIns[1].Tag("error.type"));
        Assert.Equal(2, spans.Named("SignIn").Count);

        var refused = Assert.Single(metrics.Of("teamaccess.sessions.refused"));
        Assert.Equal("SessionRevoked", refused.Tag("error.type"));

        // What an exporter would send carries ids and codes, never the address, the password or the token.
        var attributes = spans.All.SelectMany(s => s.TagObjects).Select(t => $"{t.Key}={t.Value}")
            .Concat(metrics.All.SelectMany(m => m.Tags).Select(t => $"{t.Key}={t.Value}")).ToList();
        Assert.NotEmpty(attributes);
        Assert.DoesNotContain(attributes, a => a.Contains('@', StringComparison.Ordinal) || a.Contains(Password, StringComparison.Ordinal) || a.Contains(session.Value!.AccessToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnImport_CountsItsRowsByOutcome_InOneSpanPerBatch()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        using var metrics = new Measurements(Meter(bed));
        using var spans = new Spans();
        ImportRow[] rows = [ImportServiceTests.Row("p1@example.com", owner.Team.Handle, RolePresets.Member), ImportServiceTests.Row("p2@example.com", owner.Team.Handle, RolePresets.Member), ImportServiceTests.Row("not an address", owner.Team.Handle, RolePresets.Member)];

        using (spans.Parent())
        {
            var outcomes = await bed.Services.GetRequiredService<IImportService>()
                .ImportAsHostAsync(new ImportRequest { ImportId = "telemetry", BatchSize = 2 }, rows.ToAsyncEnumerable()).ToListAsync();
            Assert.Equal(3, outcomes.Count);
        }

        var counted = metrics.Of("teamaccess.import.rows").GroupBy(m => (string)m.Tag("teamaccess.outcome")!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(1, counted["refused"]);
        Assert.Equal(2, counted.Where(c => c.Key != "refused").Sum(c => c.Value));
        Assert.Equal(2, spans.Named("ImportBatch").Count);
    }

    [Fact]
    public async Task TheGauges_ReadTheIndexSizeAndTheChangeFeed()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Observer);
        var metrics = bed.Services.GetRequiredService<TeamAccessMetrics>();

        var gauges = Gauges.Read(metrics.Meter);

        // Three people signed up with teams of their own, two of whom joined the crew's team.
        Assert.Equal(3, gauges["teamaccess.index.teams"]);
        Assert.Equal(5, gauges["teamaccess.index.entries"]);
        Assert.Equal(0, gauges["teamaccess.mail.queued"]);
        Assert.True(gauges.ContainsKey("teamaccess.change_feed.staleness"), string.Join(", ", gauges.Keys));
        Assert.NotEqual(default, crew.TeamId);
    }

    [Fact]
    public async Task EveryInstrument_IsListedInTheReadme_WithItsUnit()
    {
        // A host with an event consumer and a change feed publishes every instrument there is.
        await using var host = await EventHost.StartAsync(new InMemoryTeamAccessStore());
        var published = new Dictionary<string, string?>(StringComparer.Ordinal);
        var meter = host.Services.GetRequiredService<TeamAccessMetrics>().Meter;
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    published[instrument.Name] = instrument.Unit;
                }
            };
            listener.Start();
        }

        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var documented = InstrumentRow().Matches(readme).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["unit"].Value, StringComparer.Ordinal);

        Assert.NotEmpty(published);
        Assert.Equal(published.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        Assert.All(published, instrument => Assert.Equal(instrument.Value, documented[instrument.Key]));
    }

    private static Meter Meter(TestBed bed) => bed.Services.GetRequiredService<TeamAccessTelemetry>().Meter;

    // A row of the README's instrument table: | `teamaccess.write.duration` | histogram | `s` | meaning |
    [GeneratedRegex(@"^\| `(?<name>teamaccess\.[a-z_.]+)` \| [a-z ]+ \| `(?<unit>[^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex InstrumentRow();

    /// <summary>Every measurement of one meter's instruments, of any numeric type, while it lives.</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<Measured> _all = [];
        private readonly Dictionary<string, string?> _units = new(StringComparer.Ordinal);

        public Measurements(Meter meter)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    lock (_units)
                    {
                        _units[instrument.Name] = instrument.Unit;
                    }

                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
            _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Add(i, v, t));
            _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
            _listener.Start();
        }

        public IReadOnlyList<Measured> All
        {
            get
            {
                lock (_all)
                {
                    return [.. _all];
                }
            }
        }

        public List<Measured> Of(string name) => All.Where(m => m.Name == name).ToList();

        public string? UnitOf(string name)
        {
            lock (_units)
            {
                return _units[name];
            }
        }

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (_all)
            {
                _all.Add(new Measured(instrument.Name, value, tags.ToArray()));
            }
        }
    }

    private sealed record Measured(string Name, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public object? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value;
    }

    /// <summary>The <c>TeamAccess</c> spans started under this test's own parent span.</summary>
    private sealed class Spans : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly List<Activity> _stopped = [];
        private ActivityTraceId _trace;

        public Spans()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "TeamAccess",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.TraceId == _trace)
                    {
                        lock (_stopped)
                        {
                            _stopped.Add(activity);
                        }
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> All
        {
            get
            {
                lock (_stopped)
                {
                    return [.. _stopped];
                }
            }
        }

        public Activity Parent()
        {
            var parent = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
            _trace = parent.TraceId;
            return parent;
        }

        public List<Activity> Named(string name) => All.Where(a => a.OperationName == name).OrderBy(a => a.StartTimeUtc).ToList();

        public void Dispose() => _listener.Dispose();
    }
}
