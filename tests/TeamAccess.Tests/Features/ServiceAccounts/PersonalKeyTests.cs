using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Index;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.Tests;

/// <summary>
/// Issue 23: members' personal API keys. A key acts as its member, within what they hold (narrowed or not), follows a role
/// change through the index, dies with the membership, and is seen and revoked by an admin who may manage the member.
/// </summary>
public sealed class PersonalKeyTests
{
    private static TestBed Bed() => TestBed.Create(o => o.ApiKeys.AllowPersonalKeys = true);

    private static IPersonalKeyService Personal(TestBed bed) => bed.Services.GetRequiredService<IPersonalKeyService>();

    private static IApiKeyValidator Keys(TestBed bed) => bed.Services.GetRequiredService<IApiKeyValidator>();

    private static Task CatchUpAsync(TestBed instance) => instance.Services.GetRequiredService<ChangeFeedFollower>().CatchUpAsync(CancellationToken.None);

    private static async Task<IssuedApiKey> KeyAsync(TestBed bed, UserId member, TeamId team, params string[] permissions)
    {
        var key = await Personal(bed).CreateAsync(member, team, new CreateApiKeyRequest("laptop-script") { Permissions = permissions });
        Assert.True(key.Succeeded, key.ToString());
        return key.Value!;
    }

    [Fact]
    public async Task Create_OptionOff_IsPersonalKeysDisabledAndAKeyMadeBeforeStopsValidating()
    {
        await using var off = TestBed.Create();
        var crew = await off.CrewAsync(RolePresets.Member);
        Assert.Equal(TeamAccessErrorCode.PersonalKeysDisabled, (await Personal(off).CreateAsync(crew[0], crew.TeamId, new CreateApiKeyRequest("k"))).Code);

        await using var on = Bed();
        var other = await on.CrewAsync(RolePresets.Member);
        var key = await KeyAsync(on, other[0], other.TeamId);
        Assert.True(Keys(on).Validate(key.Secret).Succeeded);
        await using var allowing = on.Sibling(o => o.ApiKeys.AllowPersonalKeys = true);
        await CatchUpAsync(allowing);
        Assert.True(Keys(allowing).Validate(key.Secret).Succeeded);
        await using var later = on.Sibling();
        await CatchUpAsync(later);
        Assert.Equal(TeamAccessErrorCode.InvalidApiKey, Keys(later).Validate(key.Secret).Code);
    }

    [Fact]
    public async Task Create_ForAnInactiveMembershipOrAnotherTeam_IsRefused()
    {
        await using var bed = Bed();
        var crew = await bed.CrewAsync(RolePresets.Member);
        Assert.True((await bed.Members.DeactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Succeeded);

        Assert.Equal(TeamAccessErrorCode.PersonalKeyNeedsActiveMembership, (await Personal(bed).CreateAsync(crew[0], crew.TeamId, new CreateApiKeyRequest("k"))).Code);
        var stranger = await bed.SignUpAsync();
        Assert.Equal(TeamAccessErrorCode.NotFound, (await Personal(bed).CreateAsync(stranger.User.Id, crew.TeamId, new CreateApiKeyRequest("k"))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidName, (await Personal(bed).CreateAsync(crew.OwnerId, crew.TeamId, new CreateApiKeyRequest(" "))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidPermission, (await Personal(bed).CreateAsync(crew.OwnerId, crew.TeamId, new CreateApiKeyRequest("k") { Permissions = ["nope.never"] })).Code);
        Assert.Empty((await bed.SnapshotAsync(crew.TeamId)).ApiKeys);
    }

    [Fact]
    public async Task AKey_ActsAsItsMemberAndFollowsARoleChange()
    {
        await using var bed = Bed();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var issued = await KeyAsync(bed, crew[0], crew.TeamId);
        Assert.True(issued.Key.IsPersonal);
        Assert.Equal(crew.MembershipOf(0), issued.Key.ServiceAccountId);

        var principal = Keys(bed).Validate(issued.Secret).Value!;
        Assert.True(principal.IsPersonal);
        Assert.Equal((crew[0], crew.TeamId), (principal.PrincipalId, principal.TeamId));
        Assert.True(principal.HasPermission(crew.TeamId, Permissions.MembersRead));
        Assert.False(principal.HasPermission(crew.TeamId, Permissions.MembersManage));
        Assert.Contains((await bed.Audit.ListAsync(crew.OwnerId, crew.TeamId)).Value!, e => e.Action == AuditActions.ApiKeyCreated && e.SubjectId == issued.Key.Id.Value);

        // The key resolves through the member's index entry: a new role reaches it at once.
        Assert.True((await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), RolePresets.Administrator)).Succeeded);
        Assert.True(Keys(bed).Validate(issued.Secret).Value!.HasPermission(crew.TeamId, Permissions.MembersManage));

        // A key of one team never acts in another, even one its member belongs to.
        var own = await bed.SignUpAsync();
        Assert.True((await bed.Members.AddAsHostAsync(own.Team.Id, crew[0], RolePresets.Administrator)).Succeeded);
        Assert.False(Keys(bed).Validate(issued.Secret).Value!.HasPermission(own.Team.Id, Permissions.MembersRead));
    }

    [Fact]
    public async Task ANarrowedKey_HoldsOnlyItsListWithinWhatTheMemberHolds()
    {
        await using var bed = Bed();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var issued = await KeyAsync(bed, crew[0], crew.TeamId, Permissions.MembersRead, Permissions.MembersManage);
        var principal = Keys(bed).Validate(issued.Secret).Value!;

        Assert.True(principal.HasPermission(crew.TeamId, Permissions.MembersRead));
        Assert.False(principal.HasPermission(crew.TeamId, Permissions.MembersManage));
        Assert.False(principal.HasPermission(crew.TeamId, Permissions.GroupsManage));
        Assert.Equal([Permissions.MembersManage, Permissions.MembersRead], principal.Permissions);
    }

    [Fact]
    public async Task AGuardiansUnnarrowedKey_NeverManagesKeysNorUsesTheGuardiansOwnPermissionsUnlessNarrowedToThem()
    {
        await using var bed = Bed();
        var crew = await bed.CrewAsync();
        var plain = Keys(bed).Validate((await KeyAsync(bed, crew.OwnerId, crew.TeamId)).Secret).Value!;

        Assert.True(plain.HasPermission(crew.TeamId, Permissions.MembersManage));
        Assert.False(plain.HasPermission(crew.TeamId, Permissions.ServiceAccountsManage));
        Assert.False(plain.HasPermission(crew.TeamId, Permissions.TeamDelete));
        Assert.False(plain.HasPermission(crew.TeamId, Permissions.TeamSignInPolicy));
        Assert.DoesNotContain(Permissions.ServiceAccountsManage, plain.Permissions);
        Assert.Contains(Permissions.MembersManage, plain.Permissions);

        var asked = Keys(bed).Validate((await KeyAsync(bed, crew.OwnerId, crew.TeamId, Permissions.ServiceAccountsManage)).Secret).Value!;
        Assert.True(asked.HasPermission(crew.TeamId, Permissions.ServiceAccountsManage));
        Assert.False(asked.HasPermission(crew.TeamId, Permissions.MembersManage));
    }

    [Fact]
    public async Task DeactivatingOrRemovingTheMember_RevokesTheirKeysForGood()
    {
        await using var bed = Bed();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Member);
        var first = await KeyAsync(bed, crew[0], crew.TeamId);
        var second = await KeyAsync(bed, crew[1], crew.TeamId);

        Assert.True((await bed.Members.DeactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Succeeded);
        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, Keys(bed).Validate(first.Secret).Code);
        Assert.True((await bed.Members.ReactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Succeeded);
        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, Keys(bed).Validate(first.Secret).Code);

        Assert.True((await bed.Members.RemoveAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(1))).Succeeded);
        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, Keys(bed).Validate(second.Secret).Code);
        Assert.All((await bed.SnapshotAsync(crew.TeamId)).ApiKeys.Values, k => Assert.NotNull(k.RevokedAt));
    }

    [Fact]
    public async Task DeactivatingTheMember_IsRefusedOnASecondInstanceAfterItReadsTheFeed()
    {
        await using var bed = Bed();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var key = await KeyAsync(bed, crew[0], crew.TeamId);
        await using var other = bed.Sibling(o => o.ApiKeys.AllowPersonalKeys = true);
        await CatchUpAsync(other);
        Assert.True(Keys(other).Validate(key.Secret).Succeeded);

        Assert.True((await bed.Members.DeactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Succeeded);
        await CatchUpAsync(other);

        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, Keys(other).Validate(key.Secret).Code);
    }

    [Fact]
    public async Task Keys_AreListedAndRevokedByTheMemberAndByAnAdminWhoMayManageThem()
    {
        await using var bed = Bed();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member, RolePresets.Member);
        var (admin, member, peer) = (crew[0], crew[1], crew[2]);
        var owners = await KeyAsync(bed, crew.OwnerId, crew.TeamId);
        var members = await KeyAsync(bed, member, crew.TeamId);
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        var another = await KeyAsync(bed, member, crew.TeamId);

        Assert.Equal([another.Key.Id, members.Key.Id], (await Personal(bed).ListAsync(member, crew.TeamId)).Value!.Select(k => k.Id));
        Assert.Empty((await Personal(bed).ListAsync(peer, crew.TeamId)).Value!);
        Assert.Equal(TeamAccessErrorCode.PermissionDenied, (await Personal(bed).ListTeamAsync(member, crew.TeamId)).Code);
        Assert.Equal(3, (await Personal(bed).ListTeamAsync(admin, crew.TeamId)).Value!.Count);

        // The service-account verbs and lists leave personal keys alone.
        var accounts = bed.Services.GetRequiredService<IServiceAccountService>();
        Assert.Empty((await accounts.ListTeamKeysAsync(admin, crew.TeamId)).Value!);
        Assert.Equal(TeamAccessErrorCode.NotAServiceAccount, (await accounts.RevokeKeyAsync(admin, crew.TeamId, members.Key.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.NotAServiceAccount, (await accounts.RotateKeyAsync(admin, crew.TeamId, members.Key.Id, TimeSpan.Zero)).Code);

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, (await Personal(bed).RevokeAsync(peer, crew.TeamId, members.Key.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, (await Personal(bed).RevokeAsync(admin, crew.TeamId, owners.Key.Id)).Code);
        Assert.True((await Personal(bed).RevokeAsync(admin, crew.TeamId, members.Key.Id)).Succeeded);
        Assert.True((await Personal(bed).RevokeAsync(member, crew.TeamId, another.Key.Id)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, Keys(bed).Validate(members.Secret).Code);
        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, Keys(bed).Validate(another.Secret).Code);
        Assert.True(Keys(bed).Validate(owners.Secret).Succeeded);
    }
}
