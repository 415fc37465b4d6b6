using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Import;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

/// <content>
/// Consent (security review 3, M3 and M4): a team admin invites and never adds another tenant's user, creates an account,
/// plants a password or edits a global user; only the host, with no team session, provisions people directly.
/// </content>
public abstract partial class StoreSpecificationTests
{
    private const string MigratedPassword = "the password of the old portal";

    [SkippableFact]
    public async Task TeamImport_ExistingUserOfAnotherTenantAsOwner_IsInvitedNeverActiveAndKeepsTheirNames()
    {
        await using var bed = await CreateBedAsync();
        var mallory = await bed.SignUpAsync("mallory");
        var boss = await bed.SignUpAsync("boss");
        var rows = new[] { new ImportRow { Email = boss.User.Email, FirstName = "IT-Security", LastName = "Reset", TeamHandle = mallory.Team.Handle, Role = RolePresets.Owner } };

        var outcome = Assert.Single(await ListAsync(bed.Services.GetRequiredService<IImportService>().ImportAsync(mallory.User.Id, new ImportRequest { ImportId = "squat" }, ToAsync(rows))));

        Assert.Equal(ImportOutcomeKind.Invited, outcome.Kind);
        var team = await bed.SnapshotAsync(mallory.Team.Id);
        Assert.Null(team.FindCurrentMembership(boss.User.Id));
        Assert.Equal(MembershipStatus.Invited, team.FindCurrentMembershipByEmail(boss.User.Email)!.Status);
        var user = (await bed.UserStore.FindByIdAsync(boss.User.Id, CancellationToken.None))!;
        Assert.Equal((boss.User.FirstName, boss.User.LastName), (user.FirstName, user.LastName));
        Assert.Equal(boss.User.Email, Assert.Single(bed.Outbox.Sent).Email);
        AuditAssert.ReplayEquals(team, await bed.AuditAsync(mallory.Team.Id));
    }

    [SkippableFact]
    public async Task TeamImport_NeverCreatesAnAccount_AndRefusesAPasswordHash()
    {
        await using var bed = await CreateBedAsync();
        var mallory = await bed.SignUpAsync("mallory");
        var rows = new[]
        {
            new ImportRow { Email = "newhire@corp.example", FirstName = "New", LastName = "Hire", TeamHandle = mallory.Team.Handle, Role = RolePresets.Member },
            new ImportRow { Email = "cfo@corp.example", FirstName = "Chief", LastName = "Financial", TeamHandle = mallory.Team.Handle, Role = RolePresets.Member, PasswordHash = HashOf(MigratedPassword) },
        };

        var outcomes = await ListAsync(bed.Services.GetRequiredService<IImportService>().ImportAsync(mallory.User.Id, new ImportRequest { ImportId = "plant" }, ToAsync(rows)));

        Assert.Equal(ImportOutcomeKind.Invited, outcomes[0].Kind);
        Assert.Equal((ImportOutcomeKind.Refused, TeamAccessErrorCode.PasswordHashNeedsHost), (outcomes[1].Kind, outcomes[1].Code));
        Assert.Empty(await bed.UserStore.FindByEmailsAsync(["newhire@corp.example", "cfo@corp.example"], CancellationToken.None));
        var team = await bed.SnapshotAsync(mallory.Team.Id);
        Assert.Equal(MembershipStatus.Invited, team.FindCurrentMembershipByEmail("newhire@corp.example")!.Status);
        Assert.Null(team.FindCurrentMembershipByEmail("cfo@corp.example"));
        Assert.Equal("newhire@corp.example", Assert.Single(bed.Outbox.Sent).Email);
    }

    [SkippableFact]
    public async Task HostImport_WithAnOldHash_TheUserSignsInAtOnceWithTheOldPassword()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync("owner");
        var rows = new[]
        {
            new ImportRow { Email = "migrated@example.com", FirstName = "Migrated", LastName = "Person", TeamHandle = owner.Team.Handle, Role = RolePresets.Owner, PasswordHash = HashOf(MigratedPassword) },
        };

        var outcome = Assert.Single(await ListAsync(bed.Services.GetRequiredService<IImportService>().ImportAsHostAsync(new ImportRequest { ImportId = "migration" }, ToAsync(rows))));

        Assert.Equal(ImportOutcomeKind.Created, outcome.Kind);
        var user = (await bed.UserStore.FindByEmailAsync("migrated@example.com", CancellationToken.None))!;
        Assert.True(user.EmailConfirmed);
        var team = await bed.SnapshotAsync(owner.Team.Id);
        Assert.Equal((RolePresets.Owner, MembershipStatus.Active), (team.FindCurrentMembership(user.Id)!.Role, team.FindCurrentMembership(user.Id)!.Status));
        Assert.Null(team.FindCurrentMembership(user.Id)!.CreatedBy);
        var session = await bed.Sessions.SignInAsync(SignInCredential.ForPassword("migrated@example.com", MigratedPassword), owner.Team.Id);
        Assert.True(session.Succeeded, session.ToString());
        Assert.Empty(bed.Outbox.Sent);
        AuditAssert.ReplayEquals(team, await bed.AuditAsync(owner.Team.Id));
    }

    [SkippableFact]
    public async Task AddAsync_ByAnAdministratorOfAnExistingUser_InvitesAndAddsNoActiveMembership()
    {
        await using var bed = await CreateBedAsync();
        var (owner, crew) = await bed.CrewAsync(RolePresets.Administrator);
        var outsider = await bed.SignUpAsync("outsider");

        var added = await bed.Members.AddAsync(crew[0].User.Id, owner.Team.Id, outsider.User.Id, RolePresets.Member);

        Assert.True(added.Succeeded, added.ToString());
        Assert.Equal(MembershipStatus.Invited, added.Value!.Status);
        var team = await bed.SnapshotAsync(owner.Team.Id);
        Assert.Null(team.FindCurrentMembership(outsider.User.Id));
        Assert.Equal(MembershipStatus.Invited, team.FindCurrentMembershipByEmail(outsider.User.Email)!.Status);
        Assert.Equal(outsider.User.Email, Assert.Single(bed.Outbox.Sent).Email);
        Assert.False(bed.Services.GetRequiredService<IAccessChecker>().HasPermission(outsider.User.Id, owner.Team.Id, Permissions.MembersRead));
    }

    [SkippableFact]
    public async Task UpdateNamesAsync_ByAnAdministratorOfAnotherMember_IsRefusedAndLeavesTheUser()
    {
        await using var bed = await CreateBedAsync();
        var (owner, crew) = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member);
        var member = crew[1];

        var renamed = await bed.Members.UpdateNamesAsync(crew[0].User.Id, owner.Team.Id, member.Membership.Id, "IT-Security", "Reset");
        var unchanged = await bed.Members.UpdateNamesAsync(crew[0].User.Id, owner.Team.Id, member.Membership.Id, member.User.FirstName, member.User.LastName);
        var own = await bed.Members.UpdateNamesAsync(member.User.Id, owner.Team.Id, member.Membership.Id, "Own", "Choice");

        Assert.Equal(TeamAccessErrorCode.NamesAreTheUsers, renamed.Code);
        Assert.True(unchanged.Succeeded, unchanged.ToString());
        Assert.True(own.Succeeded, own.ToString());
        var user = (await bed.UserStore.FindByIdAsync(member.User.Id, CancellationToken.None))!;
        Assert.Equal(("Own", "Choice"), (user.FirstName, user.LastName));
    }

    /// <summary>A hash in the importable format of a password, as an older TeamAccess store or a converter wrote it (100,000 iterations).</summary>
    private static string HashOf(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, 100_000, HashAlgorithmName.SHA512, 32);
        return $"v1.pbkdf2-sha512.100000.{Base64Url(salt)}.{Base64Url(key)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
