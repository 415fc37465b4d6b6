using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TeamAccess.Accounts;
using TeamAccess.Audit;
using TeamAccess.EntityFramework.Migrations;
using TeamAccess.Import;
using TeamAccess.Invitations;
using TeamAccess.Provisioning;
using TeamAccess.ServiceAccounts;
using TeamAccess.TeamRoles;
using Xunit.Abstractions;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// Every query the EF Core store sends is served by an index: PostgreSQL is bulk-seeded with 200,000 memberships (and
/// their users, history, invitations, groups, grants, audit events and feed entries), every command the store sends
/// while the representative operations run is recorded, and <c>EXPLAIN</c> with its own parameters must show no
/// sequential scan of a table that grows with the data. The start-up load is left out: it reads every row by design.
/// </summary>
public sealed partial class PostgreSqlQueryPlanTests(ITestOutputHelper output)
{
    private static readonly string[] GrowingTables =
    [
        "ta_users", "ta_user_logins", "ta_teams", "ta_memberships", "ta_groups", "ta_group_members", "ta_grants",
        "ta_invitation_secrets", "ta_audit_events", "ta_change_feed", "ta_revoked_sessions", "ta_change_feed_checkpoints", "ta_team_roles",
        "ta_try_counters", "ta_api_keys", "ta_api_key_usage", "ta_passkeys", "ta_passkey_challenges", "ta_sessions",
    ];

    [SkippableFact]
    public async Task StoreQueries_At200000Memberships_UseNoSequentialScan()
    {
        var server = await PostgreSqlServer.GetAsync();
        var (connection, drop) = await server.CreateDatabaseAsync();
        try
        {
            var shape = new SeedShape(Teams: 20_000, MembersPerTeam: 10);
            await using (var context = new TeamAccessDbContext(new DbContextOptionsBuilder<TeamAccessDbContext>().UseNpgsql(connection).Options))
            {
                await using (var shipped = RelationalStores.ShippedContext(context))
                {
                    await RelationalStores.MigrateAsync(shipped);
                }

                var seeded = await BulkSeeder.SeedAsync(context, shape);
                output.WriteLine($"Seeded {seeded.Rows:N0} rows in {seeded.Elapsed.TotalSeconds:F1} s");
                await SeedSessionsAndCheckpointsAsync(connection);
            }

            var recorder = new CommandRecorder();
            await using (var bed = await RelationalBed.CreateAsync(builder => builder.AddRelationalStores(db => db.UseNpgsql(connection).AddInterceptors(recorder))))
            {
                recorder.Recording = true;
                await RunRepresentativeOperationsAsync(bed);
                recorder.Recording = false;
            }

            var commands = recorder.Commands.DistinctBy(c => c.Sql).ToList();
            Assert.True(commands.Count >= 10, $"only {commands.Count} commands were recorded");

            // The key table is read with the team and written by the key operations: both kinds of statement are explained.
            Assert.Contains(commands, c => c.Sql.Contains("FROM ta_api_keys", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Sql.Contains("UPDATE ta_api_keys", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Sql.Contains("FROM ta_api_key_usage", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Sql.Contains("UPDATE ta_api_key_usage", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Sql.Contains("external_id = ", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Sql.Contains("FROM ta_passkeys", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Sql.Contains("DELETE FROM ta_passkey_challenges", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Sql.Contains("FROM ta_sessions", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Sql.Contains("UPDATE ta_sessions", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Sql.Contains("DELETE FROM ta_sessions", StringComparison.Ordinal));
            var failures = new List<string>();
            await using var explain = new NpgsqlConnection(connection);
            await explain.OpenAsync();
            foreach (var command in commands)
            {
                foreach (var statement in Statements(command.Sql))
                {
                    var plan = await ExplainAsync(explain, statement, command.Parameters);
                    output.WriteLine($"{statement}\n{plan}\n");
                    var scanned = SeqScan().Matches(plan).Select(m => m.Groups["table"].Value).Where(GrowingTables.Contains).ToList();
                    if (scanned.Count > 0)
                    {
                        failures.Add($"Seq Scan on {string.Join(", ", scanned)}:\n{statement}\n{plan}");
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        }
        finally
        {
            await drop();
        }
    }

    /// <summary>Sign-up, the team reads, the member, invitation, group and grant writes, the audit log and the change feed.</summary>
    private static async Task RunRepresentativeOperationsAsync(StoreBed bed)
    {
        var newcomer = await bed.SignUpAsync("newcomer");
        var teamId = BulkSeeder.TeamIdOf(7);
        var owner = BulkSeeder.UserIdOf(7, 0);
        var member = BulkSeeder.MembershipIdOf(7, 3);

        Assert.NotNull(await bed.UserStore.FindByIdAsync(owner, CancellationToken.None));
        Assert.NotNull(await bed.UserStore.FindByEmailAsync("u7-1@bulk.example", CancellationToken.None));
        Assert.Null(await bed.UserStore.FindByLoginAsync("https://nowhere.example", "nobody", CancellationToken.None));
        Assert.NotNull(await bed.TeamStore.LoadAsync(teamId, CancellationToken.None));
        Assert.NotNull(await bed.TeamStore.FindTeamAsync(teamId, CancellationToken.None));
        Assert.NotNull(await bed.TeamStore.FindIdByHandleAsync("bulk-7", CancellationToken.None));
        Assert.NotNull(await bed.TeamStore.FindMembershipAsync(teamId, member, CancellationToken.None));
        await foreach (var _ in bed.TeamStore.ListTeamIdsForUserAsync(owner, CancellationToken.None))
        {
        }

        Assert.True((await bed.Members.ListAsync(owner, teamId)).Succeeded);
        var page = (await bed.Members.ListPageAsync(owner, teamId, new MemberQuery { PageSize = 3, Role = RolePresets.Member })).Value!;
        Assert.True((await bed.Members.ListPageAsync(owner, teamId, new MemberQuery { PageSize = 3, After = page.Next, Status = MembershipStatus.Active, EmailPrefix = "u7-" })).Succeeded);
        Assert.True((await bed.Members.ChangeRoleAsync(owner, teamId, member, RolePresets.Administrator)).Succeeded);
        Assert.True((await bed.Members.DeactivateAsync(owner, teamId, member)).Succeeded);
        Assert.True((await bed.Members.ReactivateAsync(owner, teamId, member)).Succeeded);
        Assert.True((await bed.Members.AddAsHostAsync(teamId, newcomer.User.Id, RolePresets.Member)).Succeeded);
        Assert.True((await bed.Members.RemoveAsync(owner, teamId, BulkSeeder.MembershipIdOf(7, 4))).Succeeded);

        var invited = await bed.Invitations.InviteAsync(owner, teamId, new InviteRequest(["someone@example.com"], RolePresets.Member));
        Assert.True(invited.Succeeded, invited.ToString());
        Assert.True((await bed.Invitations.ListAsync(owner, teamId)).Succeeded);
        var someone = await bed.SignUpAsync("someone");
        var accepted = await bed.Invitations.AcceptAsync(someone.User.Id, InvitationKey.FromToken(bed.Outbox.Sent[^1].Token));
        Assert.True(accepted.Succeeded, accepted.ToString());

        var group = await bed.Groups.CreateAsync(owner, teamId, "Night shift", "night-shift");
        Assert.True(group.Succeeded, group.ToString());
        Assert.True((await bed.Groups.AddMemberAsync(owner, teamId, group.Value!.Id, BulkSeeder.MembershipIdOf(7, 5))).Succeeded);
        var grant = await bed.Grants.GrantAsync(owner, teamId, GrantSubject.ForGroup(group.Value.Id), "project-9", ["devices.read"]);
        Assert.True(grant.Succeeded, grant.ToString());
        Assert.True((await bed.Grants.RevokeAsync(owner, teamId, grant.Value!.Id)).Succeeded);
        Assert.True((await bed.Groups.DeleteAsync(owner, teamId, group.Value.Id)).Succeeded);
        Assert.True((await bed.Teams.RenameAsync(owner, teamId, "Renamed")).Succeeded);
        await RunTeamRoleOperationsAsync(bed, teamId, owner, member);

        Assert.NotEmpty(await bed.AuditAsync(teamId));
        var feed = bed.Services.GetRequiredService<IChangeFeed>();
        var head = await feed.GetHeadAsync(CancellationToken.None);
        Assert.NotEmpty(await feed.ReadAsync(head - 5, 100, CancellationToken.None));

        // The event dispatcher's reads: the log's end (a consumer starting at it) and the events after a position.
        var audit = bed.Services.GetRequiredService<IAuditStore>();
        var last = await audit.GetLastSequenceAsync(CancellationToken.None);
        Assert.NotEmpty(await audit.ReadAllAsync(last - 5, 100, CancellationToken.None));

        // The expiry sweep's read: teams with a pending invitation or an open offer past its expiry, a month on.
        Assert.NotNull(await bed.Services.GetRequiredService<IExpiryStore>().ListTeamsWithExpiredAsync(bed.Time.GetUtcNow() + TimeSpan.FromDays(30), 100, CancellationToken.None));

        // The domain re-check's reads (issue 25): claims due by an index on the due ticks, joined to their teams by key,
        // and the one verified claim of a domain by its unique index. The two team-SSO tables are not seeded here; their
        // per-team loads go by team id like the API keys' (ix_ta_team_providers_team, ix_ta_team_domains_team).
        var domains = bed.Services.GetRequiredService<ITeamDomainStore>();
        Assert.NotNull(await domains.ListDomainsDueAsync(bed.Time.GetUtcNow(), 100, CancellationToken.None));
        Assert.Null(await domains.FindVerifiedDomainAsync("acme.example", CancellationToken.None));

        await RunSessionAndCheckpointOperationsAsync(bed, newcomer);
        await RunCodeTriesAsync(bed, teamId, owner);
        await RunListPagesAsync(bed, teamId, owner, member);
        await RunImportAsync(bed, owner);
        await RunServiceAccountOperationsAsync(bed, teamId, owner);
        await RunDirectoryOperationsAsync(bed, teamId, owner);
        await RunPasskeyOperationsAsync(bed);
        await RunSessionRecordOperationsAsync(bed);
    }

    /// <summary>
    /// A user's sessions: recorded at sign-in, moved by a switch, listed without the signed-out ones, last seen in a batch,
    /// one signed out, the others signed out, expired ones pruned.
    /// </summary>
    private static async Task RunSessionRecordOperationsAsync(StoreBed bed)
    {
        var person = await bed.SignUpAsync("sessions");
        var credential = () => SignInCredential.ForToken(bed.Host.Name, bed.Host.Mint("host-sessions", "sessions@example.com"));
        var first = (await bed.Sessions.SignInAsync(credential(), person.Team.Id)).Value!;
        var second = (await bed.Sessions.SignInAsync(credential(), person.Team.Id)).Value!;
        _ = (await bed.Sessions.SignInAsync(credential(), person.Team.Id)).Value!;
        Assert.True((await bed.Sessions.SwitchTeamAsync(second.AccessToken, person.Team.Id)).Succeeded);
        Assert.True((await bed.Sessions.ValidateAsync(first.AccessToken, person.Team.Id)).Succeeded);
        await bed.Services.GetRequiredService<SessionActivityRecorder>().FlushAsync(CancellationToken.None);
        Assert.Equal(3, (await bed.Sessions.ListSessionsAsync(first.AccessToken)).Value!.Count);
        Assert.True((await bed.Sessions.SignOutSessionAsync(first.AccessToken, second.Info.SessionId)).Succeeded);
        Assert.Equal(1, (await bed.Sessions.SignOutOtherSessionsAsync(first.AccessToken)).Value);
        Assert.Equal(0, await bed.Services.GetRequiredService<ISessionRecordStore>().PruneSessionsAsync(bed.Time.GetUtcNow(), 100, CancellationToken.None));
    }

    /// <summary>The directory (SCIM): a person provisioned, found by externalId, address and id, paged by position, changed and removed.</summary>
    private static async Task RunDirectoryOperationsAsync(StoreBed bed, TeamId teamId, UserId owner)
    {
        var account = await bed.Services.GetRequiredService<IServiceAccountService>().CreateAsync(owner, teamId, new CreateServiceAccountRequest("Directory", RolePresets.Administrator));
        Assert.True(account.Succeeded, account.ToString());
        var directory = account.Value!.PrincipalId;
        var provisioning = bed.Services.GetRequiredService<IProvisioningService>();
        var provisioned = await provisioning.ProvisionAsync(directory, teamId, new DirectoryUserRequest("scim@elsewhere.example") { ExternalId = "00u-plan" });
        Assert.True(provisioned.Succeeded, provisioned.ToString());
        Assert.Single((await provisioning.ListAsync(directory, teamId, new DirectoryUserQuery { ExternalId = "00u-plan" })).Value!.Users);
        Assert.Single((await provisioning.ListAsync(directory, teamId, new DirectoryUserQuery { Email = "scim@elsewhere.example" })).Value!.Users);
        Assert.True((await provisioning.GetAsync(directory, teamId, provisioned.Value!.Id)).Succeeded);
        Assert.Equal(3, (await provisioning.ListAsync(directory, teamId, new DirectoryUserQuery { StartIndex = 4, Count = 3 })).Value!.Users.Count);
        Assert.True((await provisioning.UpdateAsync(directory, teamId, provisioned.Value.Id, new DirectoryUserChange { SetsExternalId = true, ExternalId = "00u-plan-2" })).Succeeded);
        Assert.True((await provisioning.RemoveAsync(directory, teamId, provisioned.Value.Id)).Succeeded);
    }

    /// <summary>A passkey registered, used alone and as a step-up, listed, renamed and removed: the look-up by credential id, the user's list, the challenges.</summary>
    private static async Task RunPasskeyOperationsAsync(StoreBed bed)
    {
        const string password = "correct horse battery staple";
        var signedUp = (await bed.Users.SignUpAsync(new SignUpRequest("keyholder@example.com", "Key", "Holder", "Keys", "key-holders") { Password = password })).Value!;
        Assert.True((await bed.Users.ConfirmEmailAsync(bed.Activations.Sent[^1].Token)).Succeeded);
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("keyholder@example.com", password), signedUp.Team.Id)).Value!;
        using var key = new SoftwareAuthenticator(StoreBed.PasskeyOrigin);
        var begun = (await bed.Passkeys.BeginRegistrationAsync(session.AccessToken)).Value!;
        var passkey = await bed.Passkeys.CompleteRegistrationAsync(session.AccessToken, begun.ChallengeId, key.Create(begun.OptionsJson), "Key");
        Assert.True(passkey.Succeeded, passkey.ToString());
        var challenge = (await bed.Passkeys.BeginSignInAsync()).Value!;
        session = (await bed.Passkeys.CompleteSignInAsync(challenge.ChallengeId, key.Get(challenge.OptionsJson), signedUp.Team.Id)).Value!;
        var stepUp = (await bed.Passkeys.BeginStepUpAsync(session.AccessToken)).Value!;
        session = (await bed.Passkeys.CompleteStepUpAsync(session.AccessToken, stepUp.ChallengeId, key.Get(stepUp.OptionsJson))).Value!;
        Assert.Single((await bed.Passkeys.ListAsync(session.AccessToken)).Value!);
        Assert.True((await bed.Passkeys.RenameAsync(session.AccessToken, passkey.Value!.Id, "Laptop")).Succeeded);
        Assert.True((await bed.Passkeys.RemoveAsync(session.AccessToken, passkey.Value.Id)).Succeeded);
    }

    /// <summary>A service account created, changed and keyed; a key rotated and revoked; the account deleted (its keys revoked with it).</summary>
    private static async Task RunServiceAccountOperationsAsync(StoreBed bed, TeamId teamId, UserId owner)
    {
        var accounts = bed.Services.GetRequiredService<IServiceAccountService>();
        var account = await accounts.CreateAsync(owner, teamId, new CreateServiceAccountRequest("Gateway", RolePresets.Member) { Description = "Berlin" });
        Assert.True(account.Succeeded, account.ToString());
        Assert.True((await accounts.ChangeAsync(owner, teamId, account.Value!.Id, new ChangeServiceAccountRequest { Role = RolePresets.Observer })).Succeeded);
        var key = await accounts.CreateKeyAsync(owner, teamId, account.Value.Id, new CreateApiKeyRequest("gateway-1") { Permissions = [Permissions.ResourcesRead] });
        Assert.True(key.Succeeded, key.ToString());
        var rotated = await accounts.RotateKeyAsync(owner, teamId, key.Value!.Key.Id, TimeSpan.FromHours(1));
        Assert.True(rotated.Succeeded, rotated.ToString());
        Assert.True((await accounts.RevokeKeyAsync(owner, teamId, key.Value.Key.Id)).Succeeded);
        var usage = bed.Services.GetRequiredService<IApiKeyUsageStore>();
        await usage.RecordUsesAsync([new ApiKeyUse(teamId, rotated.Value!.Key.Id, DateTimeOffset.UtcNow), new ApiKeyUse(teamId, key.Value.Key.Id, DateTimeOffset.UtcNow)], CancellationToken.None);
        await usage.RecordUsesAsync([new ApiKeyUse(teamId, rotated.Value.Key.Id, DateTimeOffset.UtcNow.AddMinutes(1))], CancellationToken.None);
        Assert.True((await accounts.ListKeysAsync(owner, teamId, account.Value.Id)).Succeeded);
        Assert.True((await accounts.ListAsync(owner, teamId)).Succeeded);
        Assert.True((await accounts.DeleteAsync(owner, teamId, account.Value.Id)).Succeeded);
    }

    /// <summary>An import batch: the users of its addresses in one read, a new user, a role change, an invitation, its checkpoint.</summary>
    private static async Task RunImportAsync(StoreBed bed, UserId owner)
    {
        ImportRow[] rows =
        [
            new() { Email = "u7-6@bulk.example", TeamHandle = "bulk-7", Role = RolePresets.Observer },
            new() { Email = "u8-1@bulk.example", TeamHandle = "bulk-7", Role = RolePresets.Member },
            new() { Email = "imported@example.com", FirstName = "Imported", LastName = "Person", TeamHandle = "bulk-7", Role = RolePresets.Member },
            new() { Email = "invited@example.com", TeamHandle = "bulk-7", Role = RolePresets.Member, Invite = true },
        ];
        var outcomes = new List<ImportOutcome>();
        await foreach (var outcome in bed.Services.GetRequiredService<IImportService>().ImportAsync(owner, new ImportRequest { ImportId = "plan" }, rows.ToAsyncEnumerable()))
        {
            outcomes.Add(outcome);
        }

        Assert.All(outcomes, o => Assert.NotEqual(ImportOutcomeKind.Refused, o.Kind));
    }

    /// <summary>A team role defined, changed, held (its holder reads a list page), given back and deleted.</summary>
    private static async Task RunTeamRoleOperationsAsync(StoreBed bed, TeamId teamId, UserId owner, MembershipId member)
    {
        var roles = bed.Services.GetRequiredService<ITeamRoleService>();
        Assert.True((await roles.CreateAsync(owner, teamId, new TeamRoleRequest { Name = "Auditor", Rank = 150, Permissions = [Permissions.AuditRead] })).Succeeded);
        Assert.True((await roles.UpdateAsync(owner, teamId, new TeamRoleRequest { Name = "Auditor", Rank = 150, Permissions = [Permissions.AuditRead, Permissions.MembersRead] })).Succeeded);
        Assert.True((await bed.Members.ChangeRoleAsync(owner, teamId, member, "Auditor")).Succeeded);
        var holder = BulkSeeder.UserIdOf(7, 3);
        Assert.True((await bed.Services.GetRequiredService<IAuditLog>().ListPageAsync(holder, teamId, new AuditQuery { PageSize = 2 })).Succeeded);
        Assert.True((await roles.ListAsync(owner, teamId)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.RoleInUse, (await roles.DeleteAsync(owner, teamId, "Auditor")).Code);
        Assert.True((await bed.Members.ChangeRoleAsync(owner, teamId, member, RolePresets.Administrator)).Succeeded);
        Assert.True((await roles.DeleteAsync(owner, teamId, "Auditor")).Succeeded);
    }

    /// <summary>
    /// The session state a validation reads once per session and instance (the user's stamp and whether the session id is
    /// signed out), a sign-out (its revoked row and the purge of the expired ones), and a feed consumer's checkpoint.
    /// </summary>
    private static async Task RunSessionAndCheckpointOperationsAsync(StoreBed bed, SignUpResult newcomer)
    {
        var sessions = bed.Services.GetRequiredService<ISessionStore>();
        Assert.NotNull(await sessions.FindSessionStateAsync(BulkSeeder.UserIdOf(11, 2), Guid.NewGuid(), CancellationToken.None));
        var session = await bed.Sessions.SignInAsync(SignInCredential.ForToken(bed.Host.Name, bed.Host.Mint("host-newcomer", "newcomer@example.com")), newcomer.Team.Id);
        Assert.True(session.Succeeded, session.ToString());
        Assert.True((await bed.Sessions.SignOutAsync(session.Value!.AccessToken)).Succeeded);

        var checkpoints = bed.Services.GetRequiredService<IChangeFeedCheckpoints>();
        Assert.Equal(7, await checkpoints.GetPositionAsync("consumer-7", CancellationToken.None));
        Assert.Null(await checkpoints.GetPositionAsync("never-started", CancellationToken.None));
        await checkpoints.SetPositionAsync("consumer-7", 8, CancellationToken.None);
        await checkpoints.SetPositionAsync("a-new-consumer", 1, CancellationToken.None);
    }

    /// <summary>
    /// Invitation-code tries (security review 3, M5), counted in ta_try_counters: a wrong code and a right one (its place
    /// given back), and the counter's own paths: a new key (with the purge of ended windows), a count, a full key.
    /// </summary>
    private static async Task RunCodeTriesAsync(StoreBed bed, TeamId teamId, UserId owner)
    {
        Assert.True((await bed.Invitations.InviteAsync(owner, teamId, new InviteRequest(["coder@example.com"], RolePresets.Member))).Succeeded);
        var code = bed.Outbox.LastTo("coder@example.com").Code;
        var wrong = code.StartsWith('0') ? "11111-11111" : "00000-00000";
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(InvitationKey.FromCode("bulk-7", "coder@example.com", wrong))).Code);
        Assert.True((await bed.Invitations.PeekAsync(InvitationKey.FromCode("bulk-7", "coder@example.com", code))).Succeeded);

        var counters = bed.Services.GetRequiredService<ITryCounterStore>();
        var now = DateTimeOffset.UtcNow;
        Assert.True(await counters.TryCountAsync("plan:new", 1, now, now.AddHours(1), CancellationToken.None));
        Assert.False(await counters.TryCountAsync("plan:new", 1, now, now.AddHours(1), CancellationToken.None));
        await counters.UncountAsync("plan:new", CancellationToken.None);
    }

    /// <summary>Every keyset-paged list: a first page with its filters and a page after a key.</summary>
    private static async Task RunListPagesAsync(StoreBed bed, TeamId teamId, UserId owner, MembershipId member)
    {
        var invitations = (await bed.Invitations.ListPageAsync(owner, teamId, new InvitationQuery { PageSize = 1 })).Value!;
        Assert.True((await bed.Invitations.ListPageAsync(owner, teamId, new InvitationQuery { PageSize = 1, OutstandingOnly = true, EmailPrefix = "s", After = invitations.Next })).Succeeded);

        var teams = await bed.Teams.ListPageForUserAsync(owner, new UserTeamQuery { PageSize = 1 });
        await bed.Teams.ListPageForUserAsync(owner, new UserTeamQuery { PageSize = 1, After = teams.Next ?? new TeamPageKey("bulk-6") });

        var groups = (await bed.Groups.ListPageAsync(owner, teamId, new GroupQuery { PageSize = 1 })).Value!;
        Assert.True((await bed.Groups.ListPageAsync(owner, teamId, new GroupQuery { PageSize = 1, After = groups.Next ?? new GroupPageKey("a") })).Succeeded);

        var grants = (await bed.Grants.ListPageAsync(owner, teamId, new GrantQuery { PageSize = 1 })).Value!;
        var after = grants.Next ?? new GrantPageKey("a", new GrantId(Guid.Empty));
        Assert.True((await bed.Grants.ListPageAsync(owner, teamId, new GrantQuery { PageSize = 1, After = after })).Succeeded);
        Assert.True((await bed.Grants.ListPageAsync(owner, teamId, new GrantQuery { Subject = GrantSubject.ForMembership(member), After = after })).Succeeded);
        Assert.True((await bed.Grants.ListPageAsync(owner, teamId, new GrantQuery { ResourceId = "project-9", After = after })).Succeeded);

        var audit = bed.Services.GetRequiredService<IAuditLog>();
        foreach (var newestFirst in new[] { false, true })
        {
            var events = (await audit.ListPageAsync(owner, teamId, new AuditQuery { PageSize = 2, NewestFirst = newestFirst })).Value!;
            Assert.NotNull(events.Next);
            Assert.True((await audit.ListPageAsync(owner, teamId, new AuditQuery { PageSize = 2, NewestFirst = newestFirst, After = events.Next })).Succeeded);
        }
    }

    /// <summary>
    /// Signed-out sessions of 20,000 users, still live (a purge removes expired ones at every sign-out), 10,000 feed
    /// consumers' checkpoints, 20,000 live try counters, two roles of every team's own, and an API key of every
    /// membership (200,000), so that their lookups would show a scan.
    /// </summary>
    private static async Task SeedSessionsAndCheckpointsAsync(string connection)
    {
        await using var npgsql = new NpgsqlConnection(connection);
        await npgsql.OpenAsync();
        var live = DateTimeOffset.UtcNow.AddHours(12).UtcTicks;
        await using var seed = new NpgsqlCommand(
            $"""
            INSERT INTO ta_revoked_sessions (session_id, user_id, revoked_at, expires_at_utc_ticks)
                SELECT gen_random_uuid(), gen_random_uuid(), now(), {live} + i FROM generate_series(1, 20000) AS i;
            INSERT INTO ta_change_feed_checkpoints (consumer, position)
                SELECT 'consumer-' || i, i FROM generate_series(0, 9999) AS i;
            INSERT INTO ta_team_roles (id, team_id, name, rank, permissions, is_read_only, is_scoped_to_grants)
                SELECT gen_random_uuid(), t.id, 'Role ' || n, 100 + n, 'devices.read', false, true FROM ta_teams AS t, generate_series(1, 2) AS n;
            INSERT INTO ta_try_counters (key, count, window_ends_at_utc_ticks)
                SELECT 'seeded:' || i, 1, {live} + i FROM generate_series(1, 20000) AS i;
            INSERT INTO ta_api_keys (id, team_id, membership_id, name, hash, permissions, created_at, expires_at)
                SELECT gen_random_uuid(), m.team_id, m.id, 'seeded', md5(m.id::text) || md5(m.team_id::text), '', now(), now() + interval '30 days' FROM ta_memberships AS m;
            INSERT INTO ta_api_key_usage (key_id, team_id, last_used_at_utc_ticks)
                SELECT k.id, k.team_id, {live} FROM ta_api_keys AS k;
            INSERT INTO ta_passkeys (id, user_id, credential_id, public_key, name, created_at, sign_count, backup_eligible, backed_up)
                SELECT gen_random_uuid(), u.id, decode(md5(u.id::text), 'hex'), '\x01', 'seeded', now(), 0, false, false FROM ta_users AS u;
            INSERT INTO ta_sessions (session_id, user_id, team_id, membership_id, membership_stamp, user_stamp, methods, device, ip_address, signed_in_at_utc_ticks, expires_at_utc_ticks)
                SELECT gen_random_uuid(), m.user_id, m.team_id, m.id, gen_random_uuid(), gen_random_uuid(), 'ext', 'Firefox on Linux', '192.0.2.1', {live} - 1, {live} + (random() * 1000000)::bigint FROM ta_memberships AS m WHERE m.user_id IS NOT NULL;
            INSERT INTO ta_passkey_challenges (id_hash, user_id, options, expires_at_utc_ticks)
                SELECT md5('c' || i) || md5('d' || i), NULL, 'seeded', {live} + i FROM generate_series(1, 20000) AS i;
            ANALYZE ta_sessions;
            ANALYZE ta_passkeys;
            ANALYZE ta_passkey_challenges;
            ANALYZE ta_api_keys;
            ANALYZE ta_api_key_usage;
            ANALYZE ta_team_roles;
            ANALYZE ta_try_counters;
            ANALYZE ta_revoked_sessions;
            ANALYZE ta_change_feed_checkpoints;
            """,
            npgsql);
        await seed.ExecuteNonQueryAsync();
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string statement, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var command = new NpgsqlCommand("EXPLAIN " + statement, connection);
        foreach (var (name, value) in parameters.Where(p => Regex.IsMatch(statement, $@"{Regex.Escape(p.Name)}\b")))
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>The statements of a batched command (EF Core joins them with a semicolon and a line break).</summary>
    private static IEnumerable<string> Statements(string sql) =>
        sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd(';'))
            .Where(s => s.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                || s.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                || s.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
                || s.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase))
            .Where(s => !s.Contains("pg_advisory_xact_lock", StringComparison.Ordinal));

    [GeneratedRegex(@"Seq Scan on (?<table>\w+)")]
    private static partial Regex SeqScan();

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> _commands = new();

        public volatile bool Recording;

        public IEnumerable<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> Commands => _commands;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command)
        {
            if (Recording)
            {
                _commands.Enqueue((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            }
        }
    }
}
