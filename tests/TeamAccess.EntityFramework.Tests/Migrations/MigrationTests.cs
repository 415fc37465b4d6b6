using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamAccess.Accounts;
using TeamAccess.EntityFramework.Migrations;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// The schema comes from the migrations the package ships, one set per provider: from empty, beside a host's tables,
/// from the first migration with data, with several instances at once, and never onto a database newer than the code.
/// </summary>
public abstract class MigrationTests
{
    private protected abstract Task<(Action<DbContextOptionsBuilder> Configure, Func<ValueTask> Drop)> CreateDatabaseAsync();

    [SkippableFact]
    public async Task Migrations_OfTheProvider_MatchTheModel()
    {
        var (configure, drop) = await CreateDatabaseAsync();
        try
        {
            await using var shipped = await ShippedContextAsync(configure);

            // A model change without `eng/add-migration.sh <Name>` fails here (and Migrate refuses to run on EF Core 9+).
            Assert.False(shipped.Database.HasPendingModelChanges(), "The model differs from the shipped migrations: run eng/add-migration.sh <Name>.");
            Assert.NotEmpty(shipped.Database.GetMigrations());
        }
        finally
        {
            await drop();
        }
    }

    [SkippableFact]
    public async Task MigrateTeamAccessDatabaseAsync_SeveralInstancesAtOnceOnAnEmptyDatabase_AllComeUp()
    {
        var (configure, drop) = await CreateDatabaseAsync();
        try
        {
            var beds = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => RelationalBed.CreateAsync(b => b.AddRelationalStores(configure)))));
            foreach (var (bed, i) in beds.Select((b, i) => (b, i)))
            {
                await bed.SignUpAsync($"instance{i}");
                await bed.DisposeAsync();
            }

            await using var shipped = await ShippedContextAsync(configure);
            Assert.Equal(shipped.Database.GetMigrations(), await shipped.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            await drop();
        }
    }

    [SkippableFact]
    public async Task MigrateTeamAccessDatabaseAsync_DatabaseWithTheHostsOwnTablesAndMigrations_AddsOursAndKeepsTheirs()
    {
        var (configure, drop) = await CreateDatabaseAsync();
        try
        {
            await using (var host = await ShippedContextAsync(configure))
            {
                // The host's own table, and its own EF Core migration history naming a migration TeamAccess does not know.
                await host.Database.ExecuteSqlRawAsync("CREATE TABLE host_devices (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)");
                await host.Database.ExecuteSqlRawAsync("INSERT INTO host_devices (id, name) VALUES (1, 'pump')");
                await host.Database.ExecuteSqlRawAsync("CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" VARCHAR(150) PRIMARY KEY, \"ProductVersion\" VARCHAR(32) NOT NULL)");
                await host.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" VALUES ('20250101000000_HostDevices', '10.0.0')");
            }

            await using (var bed = await RelationalBed.CreateAsync(b => b.AddRelationalStores(configure)))
            {
                var signedUp = await bed.SignUpAsync("beside");
                Assert.NotNull(await bed.Teams.FindByHandleAsync(signedUp.Team.Handle));
            }

            await using var context = await ShippedContextAsync(configure);
            Assert.Equal(["pump"], await context.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM host_devices").ToListAsync());
        }
        finally
        {
            await drop();
        }
    }

    [SkippableFact]
    public async Task MigrateTeamAccessDatabaseAsync_DatabaseOfTheFirstMigrationWithData_IsUpgradedInPlaceKeepingTheData()
    {
        var (configure, drop) = await CreateDatabaseAsync();
        try
        {
            var userId = Guid.NewGuid();
            var teamId = Guid.NewGuid();
            await using (var first = await ShippedContextAsync(configure))
            {
                var migrations = first.Database.GetMigrations().ToList();
                await first.GetService<IMigrator>().MigrateAsync(migrations[0]);
                Assert.Equal([migrations[0]], await first.Database.GetAppliedMigrationsAsync());

                // Rows as the first schema holds them, written without today's model (which may have more columns).
                var now = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
                await first.Database.ExecuteSqlRawAsync(
                    "INSERT INTO ta_users (id, email, first_name, last_name, created_at, concurrency_stamp, failed_sign_in_count, email_confirmed) VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})",
                    userId, "early@example.com", "Early", "Adopter", now, Guid.NewGuid(), 0, true);
                await first.Database.ExecuteSqlRawAsync(
                    "INSERT INTO ta_teams (id, name, handle, tier, status, created_at, version, sso_required, accepted_providers) VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})",
                    teamId, "Early team", "early-team", (int)TeamTier.Free, (int)TeamStatus.Active, now, 1L, false, "");
                await first.Database.ExecuteSqlRawAsync(
                    "INSERT INTO ta_memberships (id, team_id, user_id, email, role, status, created_at, security_stamp, updated_at) VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})",
                    Guid.NewGuid(), teamId, userId, "early@example.com", RolePresets.Owner, (int)MembershipStatus.Active, now, Guid.NewGuid(), now);
            }

            // The host's next start migrates the rest and loads what the first schema held.
            await using var bed = await RelationalBed.CreateAsync(b => b.AddRelationalStores(configure));
            await using (var upgraded = await ShippedContextAsync(configure))
            {
                Assert.Equal(upgraded.Database.GetMigrations(), await upgraded.Database.GetAppliedMigrationsAsync());
            }

            var user = await bed.Users.FindByEmailAsync("early@example.com");
            Assert.Equal((userId, "Early", "Adopter"), (user!.Id.Value, user.FirstName, user.LastName));
            var team = await bed.Teams.FindByHandleAsync("early-team");
            Assert.Equal((teamId, "Early team"), (team!.Id.Value, team.Name));
            Assert.True(bed.Services.GetRequiredService<IAccessChecker>().HasPermission(new UserId(userId), new TeamId(teamId), "devices.write"));
            Assert.Equal(TeamAccessErrorCode.DuplicateHandle, (await bed.Teams.CreateAsync(new UserId(userId), "Again", "early-team")).Code);
        }
        finally
        {
            await drop();
        }
    }

    [SkippableFact]
    public async Task MigrateTeamAccessDatabaseAsync_InvitationsAndOffersFromBeforeTheExpirySweep_AreFoundBySweepWhenDue()
    {
        var (configure, drop) = await CreateDatabaseAsync();
        try
        {
            var (invitingTeam, offeringTeam, deletedTeam, futureTeam) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            var now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
            await using (var before = await ShippedContextAsync(configure))
            {
                var migrations = before.Database.GetMigrations().ToList();
                var sweep = migrations.FindIndex(m => m.EndsWith("_ExpirySweep", StringComparison.Ordinal));
                await before.GetService<IMigrator>().MigrateAsync(migrations[sweep - 1]);

                async Task TeamAsync(Guid id, TeamStatus status, DateTimeOffset? offerExpires)
                {
                    await before.Database.ExecuteSqlRawAsync(
                        "INSERT INTO ta_teams (id, name, handle, tier, status, created_at, version, sso_required, accepted_providers) VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})",
                        id, "Team", "t-" + id.ToString("N")[..12], (int)TeamTier.Free, (int)status, now.AddDays(-30), 1L, false, "");
                    if (offerExpires is { } expires)
                    {
                        await before.Database.ExecuteSqlRawAsync(
                            "UPDATE ta_teams SET ownership_offer_id = {0}, ownership_offer_from = {1}, ownership_offer_to = {2}, ownership_offer_keep_role = {3}, ownership_offered_at = {4}, ownership_offer_expires_at = {5} WHERE id = {6}",
                            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), true, expires.AddDays(-7), expires, id);
                    }
                }

                async Task InvitedAsync(Guid team, DateTimeOffset expires) =>
                    await before.Database.ExecuteSqlRawAsync(
                        "INSERT INTO ta_memberships (id, team_id, email, role, status, created_at, security_stamp, updated_at, invitation_expires_at, invitation_last_sent_at, invitation_send_count, invitation_lifetime_ticks) VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11})",
                        Guid.NewGuid(), team, $"{Guid.NewGuid():N}@example.com", RolePresets.Member, (int)MembershipStatus.Invited, expires.AddDays(-7), Guid.NewGuid(), expires.AddDays(-7), expires, expires.AddDays(-7), 1, TimeSpan.FromDays(7).Ticks);

                await TeamAsync(invitingTeam, TeamStatus.Active, null);
                await InvitedAsync(invitingTeam, now.AddHours(-1));
                await TeamAsync(offeringTeam, TeamStatus.Active, now.AddMinutes(-5));
                await TeamAsync(deletedTeam, TeamStatus.Deleted, now.AddDays(-2));
                await InvitedAsync(deletedTeam, now.AddDays(-2));
                await TeamAsync(futureTeam, TeamStatus.Active, now.AddDays(3));
                await InvitedAsync(futureTeam, now.AddDays(3));
            }

            // The upgrade gives the rows written before it their sweep keys: what is due is found, what is not is not,
            // and a deleted team's is left alone.
            await using var bed = await RelationalBed.CreateAsync(b => b.AddRelationalStores(configure));
            var expiry = bed.Services.GetRequiredService<IExpiryStore>();
            Assert.Equal(new[] { invitingTeam, offeringTeam }.Order(), (await expiry.ListTeamsWithExpiredAsync(now, 100, CancellationToken.None)).Select(t => t.Value).Order());
            Assert.Equal(new[] { futureTeam, invitingTeam, offeringTeam }.Order(), (await expiry.ListTeamsWithExpiredAsync(now.AddDays(4), 100, CancellationToken.None)).Select(t => t.Value).Order());
        }
        finally
        {
            await drop();
        }
    }

    [SkippableFact]
    public async Task MigrateTeamAccessDatabaseAsync_DatabaseNewerThanTheCode_FailsNamingBothVersions()
    {
        var (configure, drop) = await CreateDatabaseAsync();
        try
        {
            string latest;
            await using (var shipped = await ShippedContextAsync(configure))
            {
                await RelationalStores.MigrateAsync(shipped);
                latest = shipped.Database.GetMigrations().Last();
                await shipped.Database.ExecuteSqlRawAsync("INSERT INTO " + TeamAccessMigrator.HistoryTable + " VALUES ('29991231000000_FromTheFuture', '99.0.0')");
            }

            var services = new ServiceCollection();
            services.AddTeamAccess().AddRelationalStores(configure);
            await using var provider = services.BuildServiceProvider();
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.MigrateTeamAccessDatabaseAsync());
            Assert.Contains("29991231000000_FromTheFuture", refused.Message, StringComparison.Ordinal);
            Assert.Contains(latest, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await drop();
        }
    }

    [SkippableFact]
    public async Task SignUp_DuplicateHandle_EfCoreLogsTheRefusalAtDebugNotAsAnError()
    {
        var (configure, drop) = await CreateDatabaseAsync();
        var log = new CapturingLoggerProvider();
        try
        {
            await using var bed = await RelationalBed.CreateAsync(b =>
            {
                b.Services.AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Trace));
                b.AddRelationalStores(configure);
            });
            var first = await bed.SignUpAsync("taken");
            log.Entries.Clear();

            var second = await bed.Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(bed.Host.Name, bed.Host.Mint("host-other", "other@example.com"), "Other", "Person", "Other team", first.Team.Handle));

            Assert.Equal(TeamAccessErrorCode.DuplicateHandle, second.Code);
            var efCore = log.Entries.Where(e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).ToList();
            var loud = efCore.Where(e => e.Level >= LogLevel.Warning || e.HasException).Select(e => $"{e.Level} {e.HasException} {e.Category}: {e.Message}").ToList();
            Assert.True(loud.Count == 0, string.Join(Environment.NewLine, loud));
            Assert.Contains(efCore, e => e.Level == LogLevel.Debug && e.Message.Contains("TeamAccess answers DuplicateHandle", StringComparison.Ordinal));
        }
        finally
        {
            await drop();
        }
    }

    private static Task<TeamAccessDbContext> ShippedContextAsync(Action<DbContextOptionsBuilder> configure)
    {
        var options = new DbContextOptionsBuilder<TeamAccessDbContext>();
        configure(options);
        using var context = new TeamAccessDbContext(options.Options);
        return Task.FromResult(RelationalStores.ShippedContext(context));
    }

    private sealed record LogEntry(string Category, LogLevel Level, string Message, bool HasException);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception is not null));
        }
    }
}

/// <summary>The shipped SQLite migrations, on a database file as a host would have.</summary>
public sealed class SqliteMigrationTests : MigrationTests
{
    private protected override Task<(Action<DbContextOptionsBuilder> Configure, Func<ValueTask> Drop)> CreateDatabaseAsync()
    {
        var folder = Directory.CreateTempSubdirectory("teamaccess-migrations-").FullName;
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "teamaccess.db") }.ConnectionString;
        return Task.FromResult<(Action<DbContextOptionsBuilder>, Func<ValueTask>)>((
            db => db.UseSqlite(connection),
            () =>
            {
                SqliteFiles.Drop(connection);
                return ValueTask.CompletedTask;
            }));
    }
}

/// <summary>The shipped PostgreSQL migrations, a database per test.</summary>
public sealed class PostgreSqlMigrationTests : MigrationTests
{
    private protected override async Task<(Action<DbContextOptionsBuilder> Configure, Func<ValueTask> Drop)> CreateDatabaseAsync()
    {
        var server = await PostgreSqlServer.GetAsync();
        var (connection, drop) = await server.CreateDatabaseAsync();
        return (db => db.UseNpgsql(connection), drop);
    }
}
