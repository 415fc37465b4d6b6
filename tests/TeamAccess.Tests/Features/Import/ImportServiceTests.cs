using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Domain;
using TeamAccess.Import;

namespace TeamAccess.Tests;

public sealed class ImportServiceTests
{
    private const string Hash = "v1.pbkdf2-sha512.100000.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [Fact]
    public async Task ImportAsync_NewPeople_CreatesUsersAndActiveMembershipsInOneWritePerTeam()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var handle = owner.Team.Handle;

        var outcomes = await HostImportAsync(bed, "first", Row("ada@example.com", handle, RolePresets.Member) with { PasswordHash = Hash }, Row("bob@example.com", handle, RolePresets.Administrator));

        Assert.Equal([ImportOutcomeKind.Created, ImportOutcomeKind.Created], outcomes.Select(o => o.Kind));
        var ada = (await bed.Store.FindByEmailAsync("ada@example.com", CancellationToken.None))!;
        var bob = (await bed.Store.FindByEmailAsync("bob@example.com", CancellationToken.None))!;
        // The host vouches for the addresses it migrates: proven, with the hash given or none.
        Assert.Equal((Hash, (string?)null, true, true), (ada.PasswordHash, bob.PasswordHash, ada.EmailConfirmed, bob.EmailConfirmed));
        var team = await bed.SnapshotAsync(owner.Team.Id);
        Assert.Equal((RolePresets.Member, MembershipStatus.Active), (team.FindCurrentMembership(ada.Id)!.Role, team.FindCurrentMembership(ada.Id)!.Status));
        Assert.True(bed.Access.HasPermission(bob.Id, owner.Team.Id, Permissions.MembersManage));
        Assert.Equal(owner.Team.Version + 1, team.Version);
        AuditAssert.ReplayEquals(team, await bed.Store.ListAsync(owner.Team.Id, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task ImportAsync_SameRowsAgain_AreUnchangedAndWriteNothing()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        ImportRow[] rows = [Row("ada@example.com", owner.Team.Handle, RolePresets.Member), Row(owner.User.Email, owner.Team.Handle, RolePresets.Owner)];
        await ImportAsync(bed, owner.User.Id, "first", rows);
        var events = bed.Store.AuditEventCount;

        var again = await ImportAsync(bed, owner.User.Id, "second", rows);

        Assert.All(again, o => Assert.Equal(ImportOutcomeKind.Unchanged, o.Kind));
        Assert.Equal(events, bed.Store.AuditEventCount);
    }

    [Fact]
    public async Task ImportAsync_ExistingMemberWithAnotherRoleAndAGroup_IsUpdated()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Night shift", "night-shift")).Value!;

        var outcome = Assert.Single(await ImportAsync(bed, crew.OwnerId, "update", Row(crew.Members[0].User.Email, crew.Owner.Team.Handle, RolePresets.Observer) with { Groups = ["night-shift"] }));

        Assert.Equal((ImportOutcomeKind.Updated, crew.MembershipOf(0)), (outcome.Kind, outcome.MembershipId));
        var team = await bed.SnapshotAsync(crew.TeamId);
        Assert.Equal(RolePresets.Observer, team.Memberships[crew.MembershipOf(0)].Role);
        Assert.Contains(crew.MembershipOf(0), team.Groups[group.Id].Members);
        AuditAssert.ReplayEquals(team, await bed.Store.ListAsync(crew.TeamId, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task ImportAsync_DemotingTheLastGuardian_IsRefusedAndTheOtherRowsGoOn()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var handle = owner.Team.Handle;

        var outcomes = await HostImportAsync(bed, "demote", Row(owner.User.Email, handle, RolePresets.Member), Row("ada@example.com", handle, RolePresets.Member));

        Assert.Equal((ImportOutcomeKind.Refused, TeamAccessErrorCode.LastGuardian), (outcomes[0].Kind, outcomes[0].Code));
        Assert.Equal(ImportOutcomeKind.Created, outcomes[1].Kind);
        Assert.Equal(1, TeamAggregate.CountActiveGuardians(await bed.SnapshotAsync(owner.Team.Id), bed.Roles));
    }

    [Fact]
    public async Task ImportAsync_ANewOwnerFirst_LetsTheFormerSoleOwnerStepDown()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var handle = owner.Team.Handle;

        var outcomes = await HostImportAsync(bed, "handover", Row("heir@example.com", handle, RolePresets.Owner), Row(owner.User.Email, handle, RolePresets.Administrator));

        Assert.Equal([ImportOutcomeKind.Created, ImportOutcomeKind.Updated], outcomes.Select(o => o.Kind));
        Assert.Equal(1, TeamAggregate.CountActiveGuardians(await bed.SnapshotAsync(owner.Team.Id), bed.Roles));
    }

    // Issue 21, found by trying: the second team's rows were skipped as "committed before" under the first team's id.
    [Fact]
    public async Task ImportAsync_TwoTeamsUsingTheSameImportId_EachImportsItsOwnRows()
    {
        await using var bed = TestBed.Create();
        var north = await bed.SignUpAsync();
        var south = await bed.SignUpAsync();

        var first = await ImportAsync(bed, north.User.Id, "staff-2026", Row("n1@example.com", north.Team.Handle, RolePresets.Member), Row("n2@example.com", north.Team.Handle, RolePresets.Member));
        var second = await ImportAsync(bed, south.User.Id, "staff-2026", Row("s1@example.com", south.Team.Handle, RolePresets.Member), Row("s2@example.com", south.Team.Handle, RolePresets.Member));

        Assert.All(first.Concat(second), o => Assert.Equal(ImportOutcomeKind.Invited, o.Kind));
        Assert.Equal(["s1@example.com", "s2@example.com"], second.Select(o => o.Email));
        Assert.Equal(3, (await bed.SnapshotAsync(south.Team.Id)).Memberships.Count);
    }

    // Issue 21, found by trying: a caller that stopped reading part-way never saw some committed rows, and a rerun
    // started after them. The checkpoint now moves only past outcomes that were handed out.
    [Fact]
    public async Task ImportAsync_CallerStopsReadingPartWayThroughABatch_ARerunHandsOutTheRest()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var rows = Enumerable.Range(1, 10).Select(i => Row($"p{i}@example.com", owner.Team.Handle, RolePresets.Member)).ToArray();
        var import = bed.Services.GetRequiredService<IImportService>();
        var request = new ImportRequest { ImportId = "stopped", BatchSize = 10 };

        var read = new List<ImportOutcome>();
        await foreach (var outcome in import.ImportAsync(owner.User.Id, request, rows.ToAsyncEnumerable()))
        {
            read.Add(outcome);
            if (read.Count == 3)
            {
                break;
            }
        }

        var rerun = await import.ImportAsync(owner.User.Id, request, rows.ToAsyncEnumerable()).ToListAsync();

        // The whole batch committed at once; the rows not handed out come again, answered as they stand now.
        Assert.Equal(Enumerable.Range(3, 8).Select(i => (long)i), rerun.Select(o => o.RowNumber));
        Assert.All(rerun, o => Assert.Equal(ImportOutcomeKind.Unchanged, o.Kind));
        Assert.Equal(10, bed.Outbox.Sent.Count);
        Assert.Empty(await import.ImportAsync(owner.User.Id, request, rows.ToAsyncEnumerable()).ToListAsync());
    }

    [Fact]
    public async Task ImportAsync_InvitationRow_InvitesTheAddressAndSendsAfterTheCommit()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();

        var outcome = Assert.Single(await ImportAsync(bed, owner.User.Id, "invite", Row("carol@example.com", owner.Team.Handle, RolePresets.Member) with { Invite = true, FirstName = null, LastName = null }));

        Assert.Equal(ImportOutcomeKind.Invited, outcome.Kind);
        Assert.Equal(MembershipStatus.Invited, (await bed.SnapshotAsync(owner.Team.Id)).Memberships[outcome.MembershipId!.Value].Status);
        Assert.Null(await bed.Users.FindByEmailAsync("carol@example.com"));
        Assert.Equal("carol@example.com", Assert.Single(bed.Outbox.Sent).Email);
    }

    [Fact]
    public async Task ImportAsync_TheGuardianRoleGivenByAnAdministrator_IsRefused()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);

        var outcome = Assert.Single(await ImportAsync(bed, crew[0], "rank", Row("ada@example.com", crew.Owner.Team.Handle, RolePresets.Owner)));

        Assert.Equal((ImportOutcomeKind.Refused, TeamAccessErrorCode.GuardianRequired), (outcome.Kind, outcome.Code));
    }

    [Fact]
    public async Task ImportAsync_ATeamTheActorIsNotIn_IsUnknownTeam()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var stranger = await bed.SignUpAsync();

        var outcomes = await ImportAsync(bed, stranger.User.Id, "stranger", Row("ada@example.com", owner.Team.Handle, RolePresets.Member), Row("bob@example.com", "no-such-team", RolePresets.Member));

        Assert.All(outcomes, o => Assert.Equal((ImportOutcomeKind.Refused, TeamAccessErrorCode.UnknownTeam), (o.Kind, o.Code)));
    }

    public static TheoryData<string, TeamAccessErrorCode> HostileRows => new()
    {
        { "malformed-email", TeamAccessErrorCode.InvalidEmail },
        { "unknown-role", TeamAccessErrorCode.InvalidRole },
        { "huge-email", TeamAccessErrorCode.FieldTooLong },
        { "huge-group", TeamAccessErrorCode.FieldTooLong },
        { "too-many-groups", TeamAccessErrorCode.FieldTooLong },
        { "null-row", TeamAccessErrorCode.MissingField },
        { "no-email", TeamAccessErrorCode.MissingField },
        { "no-team", TeamAccessErrorCode.MissingField },
        { "no-role", TeamAccessErrorCode.MissingField },
        { "no-names-for-a-new-user", TeamAccessErrorCode.MissingField },
        { "bad-team-handle", TeamAccessErrorCode.InvalidHandle },
        { "bad-name", TeamAccessErrorCode.InvalidName },
        { "bad-hash", TeamAccessErrorCode.InvalidPasswordHash },
        { "hash-with-a-billion-iterations", TeamAccessErrorCode.InvalidPasswordHash },
        { "hash-with-1000-iterations", TeamAccessErrorCode.InvalidPasswordHash },
        { "hash-below-a-quarter-of-the-minimum", TeamAccessErrorCode.InvalidPasswordHash },
        { "hash-above-four-times-the-work-factor", TeamAccessErrorCode.InvalidPasswordHash },
        { "hash-with-invitation", TeamAccessErrorCode.PasswordWithInvitation },
        { "unknown-group", TeamAccessErrorCode.UnknownGroup },
        { "malformed-line", TeamAccessErrorCode.MalformedRow },
    };

    [Theory]
    [MemberData(nameof(HostileRows))]
    public async Task ImportAsync_BadInput_IsRefusedWithItsCodeAndChangesNothing(string kind, TeamAccessErrorCode expected)
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var good = Row("ada@example.com", owner.Team.Handle, RolePresets.Member);
        ImportRow? row = kind switch
        {
            "malformed-email" => good with { Email = "ada@@example" },
            "unknown-role" => good with { Role = "Emperor" },
            "huge-email" => good with { Email = new string('a', 1_000_000) + "@example.com" },
            "huge-group" => good with { Groups = [new string('g', 5_000)] },
            "too-many-groups" => good with { Groups = Enumerable.Range(0, 101).Select(i => $"group-{i}").ToArray() },
            "null-row" => null,
            "no-email" => good with { Email = null },
            "no-team" => good with { TeamHandle = " " },
            "no-role" => good with { Role = null },
            "no-names-for-a-new-user" => good with { FirstName = null },
            "bad-team-handle" => good with { TeamHandle = "Not A Handle" },
            "bad-name" => good with { LastName = "Lovelace\u202E" },
            "bad-hash" => good with { PasswordHash = "$2a$10$abcdefghijklmnopqrstuv" },
            "hash-with-a-billion-iterations" => good with { PasswordHash = Hash.Replace(".100000.", ".1000000000.", StringComparison.Ordinal) },
            "hash-with-1000-iterations" => good with { PasswordHash = Hash.Replace(".100000.", ".1000.", StringComparison.Ordinal) },
            "hash-below-a-quarter-of-the-minimum" => good with { PasswordHash = Hash.Replace(".100000.", ".52499.", StringComparison.Ordinal) },
            "hash-above-four-times-the-work-factor" => good with { PasswordHash = Hash.Replace(".100000.", ".840001.", StringComparison.Ordinal) },
            "hash-with-invitation" => good with { PasswordHash = Hash, Invite = true },
            "unknown-group" => good with { Groups = ["no-such-group"] },
            _ => (await ImportCsv.ReadAsync(new StringReader(ImportCsv.Header + "\n\"ada@example.com,x")).ToListAsync())[0],
        };
        var events = bed.Store.AuditEventCount;

        var outcome = Assert.Single(await HostImportAsync(bed, "hostile", row!));

        Assert.Equal((ImportOutcomeKind.Refused, expected), (outcome.Kind, outcome.Code));
        Assert.Equal(events, bed.Store.AuditEventCount);
        Assert.Null(await bed.Users.FindByEmailAsync("ada@example.com"));
    }

    [Fact]
    public async Task ImportAsync_AHashBelowTheHostsWorkFactor_IsRehashedWithTheHostsIterationsAtTheFirstSignIn()
    {
        // The host's import vouches for the addresses it brings (issue 21, M4): its users sign in at once.
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        const string password = "an old passphrase from the old system";
        var low = new PasswordHasher(Microsoft.Extensions.Options.Options.Create(new TeamAccessOptions { Passwords = { Iterations = 60_000 } })).Hash(password);
        Assert.StartsWith("v1.pbkdf2-sha512.60000.", low, StringComparison.Ordinal);

        var outcome = Assert.Single(await HostImportAsync(bed, "old-hashes", Row("ada@example.com", owner.Team.Handle, RolePresets.Member) with { PasswordHash = low }));
        Assert.Equal(TeamAccessErrorCode.None, outcome.Code);
        var ada = (await bed.Users.FindByEmailAsync("ada@example.com"))!;
        Assert.Equal(low, (await bed.Store.FindByIdAsync(ada.Id, CancellationToken.None))!.PasswordHash);

        var signedIn = await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", password), owner.Team.Id);

        Assert.True(signedIn.Succeeded, signedIn.ToString());
        Assert.StartsWith($"v1.pbkdf2-sha512.{PasswordOptions.MinimumIterations}.", (await bed.Store.FindByIdAsync(ada.Id, CancellationToken.None))!.PasswordHash, StringComparison.Ordinal);
        Assert.True((await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", password), owner.Team.Id)).Succeeded);
    }

    [Fact]
    public async Task ImportAsync_Progress_IsMonotonicEndsAtTheRowCountAndEstimatesTheTimeLeft()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var rows = Enumerable.Range(0, 25).Select(i => Row($"p{i}@example.com", owner.Team.Handle, RolePresets.Member)).ToArray();
        var reports = new List<ImportProgress>();
        var progress = new Inline(p =>
        {
            reports.Add(p);
            bed.Time.Advance(TimeSpan.FromSeconds(1));
        });

        var outcomes = await bed.Services.GetRequiredService<IImportService>()
            .ImportAsHostAsync(new ImportRequest { ImportId = "progress", BatchSize = 10, ExpectedRowCount = 25 }, rows.ToAsyncEnumerable(), progress).ToListAsync();

        Assert.Equal(25, outcomes.Count);
        Assert.Equal([10L, 20L, 25L], reports.Select(r => r.RowsDone));
        Assert.Equal(25, reports[^1].Created);
        Assert.Equal(TimeSpan.Zero, reports[^1].EstimatedTimeLeft);
        Assert.Equal(0.25, reports[1].EstimatedTimeLeft!.Value.TotalSeconds, 3);
        Assert.Equal(20, reports[1].RowsPerSecond, 3);
    }

    [Fact]
    public async Task ImportAsync_CancelledMidwayAndRunAgain_AppliesEveryRowExactlyOnce()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var other = (await bed.Teams.CreateAsync(owner.User.Id, "Second", "second-team")).Value!;
        var rows = Enumerable.Range(0, 40).Select(i => Row($"p{i}@example.com", i % 2 == 0 ? owner.Team.Handle : other.Handle, RolePresets.Member)).ToArray();
        var import = bed.Services.GetRequiredService<IImportService>();
        var request = new ImportRequest { ImportId = "resumable", BatchSize = 8 };
        using var cancel = new CancellationTokenSource();
        var first = new List<ImportOutcome>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var outcome in import.ImportAsHostAsync(request, rows.ToAsyncEnumerable(), new Inline(p => { if (p.RowsDone >= 16) cancel.Cancel(); }), cancel.Token))
            {
                first.Add(outcome);
            }
        });
        var reports = new List<ImportProgress>();
        var second = await import.ImportAsHostAsync(request, rows.ToAsyncEnumerable(), new Inline(reports.Add)).ToListAsync();

        Assert.Equal(16, first.Count);
        Assert.Equal(16, reports[^1].RowsSkipped);
        Assert.Equal(40, reports[^1].RowsDone);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), first.Concat(second).Select(o => o.RowNumber));
        Assert.All(first.Concat(second), o => Assert.Equal(ImportOutcomeKind.Created, o.Kind));
        var added = (await bed.Store.ListAsync(owner.Team.Id, CancellationToken.None).ToListAsync()).Concat(await bed.Store.ListAsync(other.Id, CancellationToken.None).ToListAsync())
            .Where(e => e.Action == AuditActions.MembershipAdded && !e.After!.Contains(owner.User.Email, StringComparison.Ordinal)).ToList();
        Assert.Equal(40, added.Count);
        Assert.Equal(40, added.Select(e => e.SubjectId).Distinct().Count());
        Assert.Empty(await import.ImportAsHostAsync(request, rows.ToAsyncEnumerable()).ToListAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/")]
    public async Task ImportAsync_MalformedImportId_Throws(string id)
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await bed.Services.GetRequiredService<IImportService>().ImportAsync(owner.User.Id, new ImportRequest { ImportId = id }, Array.Empty<ImportRow>().ToAsyncEnumerable()).ToListAsync());
    }

    internal static ImportRow Row(string email, string team, string role) =>
        new() { Email = email, FirstName = "First", LastName = "Last", TeamHandle = team, Role = role };

    private static async Task<List<ImportOutcome>> ImportAsync(TestBed bed, UserId actor, string id, params ImportRow[] rows) =>
        await bed.Services.GetRequiredService<IImportService>().ImportAsync(actor, new ImportRequest { ImportId = id }, rows.ToAsyncEnumerable()).ToListAsync();

    private static async Task<List<ImportOutcome>> HostImportAsync(TestBed bed, string id, params ImportRow[] rows) =>
        await bed.Services.GetRequiredService<IImportService>().ImportAsHostAsync(new ImportRequest { ImportId = id }, rows.ToAsyncEnumerable()).ToListAsync();

    /// <summary>Reports on the importer's own thread, unlike <see cref="Progress{T}"/>, so the test sees every report in order.</summary>
    private sealed class Inline(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
