using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.EntityFramework.Migrations;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// The contract on a relational database, plus what only a database can get wrong: column lengths (PostgreSQL refuses
/// an over-long value that SQLite would keep) and the partial unique indexes that back invariant 3 under races.
/// </summary>
public abstract class RelationalStoreContractTests : ChangeSetContractTests
{
    /// <summary>Creates an empty database; returns how to reach it and how to throw it away.</summary>
    private protected abstract Task<(Action<DbContextOptionsBuilder> Configure, Func<ValueTask> Drop)> CreateDatabaseAsync();

    protected override async Task<StoreBed> CreateBedAsync()
    {
        var (configure, drop) = await CreateDatabaseAsync();
        return await RelationalBed.CreateAsync(builder => builder.AddRelationalStores(configure), drop);
    }

    public static TheoryData<string, string, string, string, TeamAccessErrorCode> TooLong => new()
    {
        { new string('a', 245) + "@example.com", "long-email", "Ada", "project-1", TeamAccessErrorCode.InvalidEmail },
        { "name@example.com", "long-name", new string('n', 101), "project-1", TeamAccessErrorCode.InvalidName },
        { "handle@example.com", new string('h', 64), "Ada", "project-1", TeamAccessErrorCode.InvalidHandle },
        { "resource@example.com", "long-resource", "Ada", new string('r', 201), TeamAccessErrorCode.InvalidResource },
    };

    [SkippableTheory]
    [MemberData(nameof(TooLong))]
    public async Task CommitAsync_ValueLongerThanItsColumn_ReturnsTheCodeAndWritesNothing(string email, string handle, string firstName, string resourceId, TeamAccessErrorCode expected)
    {
        await using var bed = await CreateBedAsync();
        var changes = NewUserAndTeam(email, handle, firstName, resourceId);

        var result = await bed.ChangeStore.CommitAsync(changes, CancellationToken.None);

        Assert.Equal(expected, result.Code);
        Assert.Null(await bed.UserStore.FindByIdAsync(changes.Users[0].After!.Id, CancellationToken.None));
        Assert.Null(await bed.TeamStore.LoadAsync(changes.Teams[0].After.Id, CancellationToken.None));
        Assert.Empty(await bed.AuditAsync(changes.Teams[0].After.Id));
    }

    [SkippableFact]
    public async Task CommitAsync_ValuesAtTheirColumnsLimits_AreStoredWhole()
    {
        await using var bed = await CreateBedAsync();
        var email = new string('a', 242) + "@example.com";
        var changes = NewUserAndTeam(email, new string('h', 63), new string('n', 100), new string('r', 200));

        var result = await bed.ChangeStore.CommitAsync(changes, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(changes.Users[0].After, await bed.UserStore.FindByEmailAsync(email, CancellationToken.None));
        Assert.Equal(new string('r', 200), Assert.Single((await bed.SnapshotAsync(changes.Teams[0].After.Id)).Grants.Values).ResourceId);
    }

    [SkippableFact]
    public async Task Database_TwoCurrentMembershipsOfOneUserOrEmail_AreRefusedAsAlreadyMember()
    {
        await using var db = await NewContextAsync();
        var team = await SeedTeamAsync(db);
        var user = Guid.NewGuid();
        db.Add(Membership(team, user, "one@example.com", MembershipStatus.Active));
        await db.SaveChangesAsync();

        foreach (var duplicate in new[] { Membership(team, user, "other@example.com", MembershipStatus.Invited), Membership(team, null, "one@example.com", MembershipStatus.Inactive) })
        {
            db.ChangeTracker.Clear();
            db.Add(duplicate);
            var exception = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(StoreErrors.TryClassify(exception, db.Model, RelationalStores.ProviderFor(db), out var code), exception.ToString());
            Assert.Equal(TeamAccessErrorCode.AlreadyMember, code);
        }
    }

    [SkippableFact]
    public async Task Database_TerminalMembershipsBesideACurrentOne_AreAllowed()
    {
        await using var db = await NewContextAsync();
        var team = await SeedTeamAsync(db);
        var user = Guid.NewGuid();
        db.AddRange(
            Membership(team, user, "one@example.com", MembershipStatus.Removed),
            Membership(team, user, "one@example.com", MembershipStatus.Expired),
            Membership(team, user, "one@example.com", MembershipStatus.Removed),
            Membership(team, user, "one@example.com", MembershipStatus.Active));

        await db.SaveChangesAsync();

        Assert.Equal(4, await db.Set<MembershipRow>().CountAsync(m => m.TeamId == team));
    }

    [SkippableFact]
    public async Task Database_DuplicateTeamHandleOrUserEmail_IsClassifiedByItsIndex()
    {
        await using var db = await NewContextAsync();
        await SeedTeamAsync(db, "taken");
        db.Add(new UserRow { Id = Guid.NewGuid(), Email = "taken@example.com", FirstName = "A", LastName = "B", ConcurrencyStamp = Guid.NewGuid() });
        await db.SaveChangesAsync();

        db.ChangeTracker.Clear();
        var team = await Assert.ThrowsAnyAsync<DbUpdateException>(() => SeedTeamAsync(db, "taken"));
        db.ChangeTracker.Clear();
        db.Add(new UserRow { Id = Guid.NewGuid(), Email = "taken@example.com", FirstName = "C", LastName = "D", ConcurrencyStamp = Guid.NewGuid() });
        var user = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(StoreErrors.TryClassify(team, db.Model, RelationalStores.ProviderFor(db), out var teamCode));
        Assert.True(StoreErrors.TryClassify(user, db.Model, RelationalStores.ProviderFor(db), out var userCode));
        Assert.Equal((TeamAccessErrorCode.DuplicateHandle, TeamAccessErrorCode.DuplicateEmail), (teamCode, userCode));
    }

    [SkippableFact]
    public async Task MigrateTeamAccessDatabaseAsync_SecondRun_KeepsTheData()
    {
        var (configure, drop) = await CreateDatabaseAsync();
        try
        {
            Guid userId;
            await using (var first = await RelationalBed.CreateAsync(builder => builder.AddRelationalStores(configure)))
            {
                userId = (await first.SignUpAsync("kept")).User.Id.Value;
            }

            await using var second = await RelationalBed.CreateAsync(builder => builder.AddRelationalStores(configure));
            await second.Services.MigrateTeamAccessDatabaseAsync();
            Assert.NotNull(await second.UserStore.FindByIdAsync(new UserId(userId), CancellationToken.None));
            Assert.Equal(TeamAccessErrorCode.DuplicateEmail, (await second.Users.SignUpAsync(new SignUpRequest("kept@example.com", "K", "T", "Again", "again-team") { Password = "correct horse battery staple" })).Code);
        }
        finally
        {
            await drop();
        }
    }

    [SkippableFact]
    public async Task LoadAllAsync_BulkSeededDatabase_StreamsEachTableOnceAndEqualsLoadingEachTeam()
    {
        var (configure, drop) = await CreateDatabaseAsync();
        try
        {
            var options = new DbContextOptionsBuilder<TeamAccessDbContext>();
            configure(options);
            var shape = new SeedShape(Teams: 300, MembersPerTeam: 4, LargeTeamMembers: 40);
            await using (var db = new TeamAccessDbContext(options.Options))
            {
                await using (var shipped = RelationalStores.ShippedContext(db))
                {
                    await RelationalStores.MigrateAsync(shipped);
                }

                await BulkSeeder.SeedAsync(db, shape);
            }

            var recorder = new SqlRecorder();
            await using var bed = await RelationalBed.CreateAsync(builder => builder.AddRelationalStores(db =>
            {
                configure(db);
                db.AddInterceptors(recorder);
            }));
            recorder.Recording = true;
            var all = await ListAsync(bed.TeamStore.LoadAllAsync(CancellationToken.None));
            recorder.Recording = false;

            Assert.Equal(301, all.Count);
            Assert.Equal(all.Count, all.Select(s => s.Id).Distinct().Count());
            Assert.Equal(shape.ActiveMemberships, all.Sum(s => s.Memberships.Values.Count(m => m.Status == MembershipStatus.Active)));
            foreach (var loaded in all.Where((_, i) => i % 37 == 0).Append(all.Single(s => s.Team.Handle == BulkSeeder.LargeTeamHandle)))
            {
                Assert.Equal(AuditAssert.Canonical(await bed.SnapshotAsync(loaded.Id)), AuditAssert.Canonical(loaded));
            }

            // One streaming query per table (teams, memberships, groups, group members, secrets, grants, team roles, API keys,
            // team providers, team domains) and one version pass.
            var sql = recorder.Sql.Where(s => !s.Contains("ta_change_feed", StringComparison.Ordinal)).ToList();
            Assert.Equal(11, sql.Count);
            Assert.DoesNotContain(sql, s => s.Contains(" IN (", StringComparison.Ordinal) || s.Contains("ANY (", StringComparison.Ordinal) || s.Contains("json_each", StringComparison.Ordinal));
        }
        finally
        {
            await drop();
        }
    }

    private async Task<TeamAccessDbContext> NewContextAsync()
    {
        var (configure, drop) = await CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<TeamAccessDbContext>();
        configure(options);
        var context = new DroppingContext(options.Options, drop);
        await using (var shipped = RelationalStores.ShippedContext(context))
        {
            await RelationalStores.MigrateAsync(shipped);
        }

        return context;
    }

    private static async Task<Guid> SeedTeamAsync(DbContext db, string handle = "seed-team")
    {
        var id = Guid.NewGuid();
        db.Add(new TeamRow { Id = id, Name = "Seed", Handle = handle, Version = 1 });
        await db.SaveChangesAsync();
        return id;
    }

    private static MembershipRow Membership(Guid team, Guid? user, string email, MembershipStatus status) => new()
    {
        Id = Guid.NewGuid(),
        TeamId = team,
        UserId = user,
        Email = email,
        Role = RolePresets.Member,
        Status = status,
        SecurityStamp = Guid.NewGuid(),
    };

    /// <summary>A context that throws its database away when disposed.</summary>
    private sealed class DroppingContext(DbContextOptions<TeamAccessDbContext> options, Func<ValueTask> drop) : TeamAccessDbContext(options)
    {
        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await drop();
        }
    }
}
