using TeamAccess.Invitations;
using TeamAccess.TeamRoles;

namespace TeamAccess.Tests;

public sealed class TeamRoleServiceTests
{
    /// <summary>Lead: ranks between Member and Administrator, manages members and roles, reads devices but cannot write them.</summary>
    private static TestBed WithLeads(Action<TeamAccessOptions>? more = null) => TestBed.Create(o =>
    {
        o.Roles.UsePreset(RolePresets.OwnerAdministratorMemberObserver)
            .Add(new RoleDefinition("Lead", 250, Permissions.RolesManage, Permissions.MembersManage, Permissions.MembersInvite, Permissions.MembersRead, "devices.read"));
        more?.Invoke(o);
    });

    private static TeamRoleRequest Request(string name, int rank, params string[] permissions) => new() { Name = name, Rank = rank, Permissions = permissions };

    private static ITeamRoleService RolesOf(TestBed bed) => bed.TeamRoles;

    [Fact]
    public async Task Create_ByTheGuardian_IsStoredAuditedAndItsHolderHoldsItsPermissions()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        var created = await RolesOf(bed).CreateAsync(crew.OwnerId, crew.TeamId, Request("Device Operator", 210, "devices.write", "devices.read", Permissions.MembersRead));
        var changed = await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), "device operator");

        Assert.True(created.Succeeded, created.ToString());
        Assert.Equal(["devices.read", "devices.write", Permissions.MembersRead], created.Value!.Permissions);
        Assert.True(changed.Succeeded, changed.ToString());
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write"));
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write", "any-device"));
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, Permissions.MembersManage));
        var decision = bed.Access.Explain(crew[0], crew.TeamId, "devices.write");
        Assert.Equal((true, AccessReason.AllowedByRole, "Device Operator"), (decision.Allowed, decision.Reason, decision.Role));
        Assert.Equal("Device Operator", Assert.Single((await RolesOf(bed).ListAsync(crew[0], crew.TeamId)).Value!).Name);
        Assert.Single((await bed.Audit.ListAsync(crew.OwnerId, crew.TeamId)).Value!, e => e.Action == AuditActions.TeamRoleCreated && e.SubjectKind == AuditSubjectKind.TeamRole);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" Padded")]
    [InlineData("Slash/Role")]
    [InlineData("A role name that is far too long to be a role name of a team, sixty-five")]
    public async Task Create_BadName_IsInvalidRoleNameAndChangesNothing(string name)
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();

        var result = await RolesOf(bed).CreateAsync(owner.User.Id, owner.Team.Id, Request(name, 100));

        Assert.Equal(TeamAccessErrorCode.InvalidRoleName, result.Code);
        Assert.Empty((await bed.SnapshotAsync(owner.Team.Id)).TeamRoles);
    }

    [Theory]
    [InlineData("Owner")]
    [InlineData("administrator")]
    [InlineData("MEMBER")]
    public async Task CreateUpdateDelete_ACatalogRolesName_IsCatalogRole(string name)
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var roles = RolesOf(bed);

        Assert.Equal(TeamAccessErrorCode.CatalogRole, (await roles.CreateAsync(owner.User.Id, owner.Team.Id, Request(name, 100))).Code);
        Assert.Equal(TeamAccessErrorCode.CatalogRole, (await roles.UpdateAsync(owner.User.Id, owner.Team.Id, Request(name, 100))).Code);
        Assert.Equal(TeamAccessErrorCode.CatalogRole, (await roles.DeleteAsync(owner.User.Id, owner.Team.Id, name)).Code);
    }

    [Fact]
    public async Task Create_ANameTheTeamHasInAnyCase_IsRoleNameTaken()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        await RolesOf(bed).CreateAsync(owner.User.Id, owner.Team.Id, Request("Auditor", 150, Permissions.AuditRead));

        var result = await RolesOf(bed).CreateAsync(owner.User.Id, owner.Team.Id, Request("AUDITOR", 140));

        Assert.Equal(TeamAccessErrorCode.RoleNameTaken, result.Code);
    }

    [Fact]
    public async Task Create_WithoutRolesManage_IsPermissionDenied()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        var result = await RolesOf(bed).CreateAsync(crew[0], crew.TeamId, Request("Helper", 50, Permissions.MembersRead));

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, result.Code);
    }

    [Fact]
    public async Task Create_APermissionTheActorLacks_IsExceedsGranterPermissions()
    {
        await using var bed = WithLeads();
        var crew = await bed.CrewAsync("Lead");

        var refused = await RolesOf(bed).CreateAsync(crew[0], crew.TeamId, Request("Writer", 100, "devices.write"));
        var allowed = await RolesOf(bed).CreateAsync(crew[0], crew.TeamId, Request("Reader", 100, "devices.read"));

        Assert.Equal(TeamAccessErrorCode.ExceedsGranterPermissions, refused.Code);
        Assert.True(allowed.Succeeded, allowed.ToString());
    }

    [Fact]
    public async Task Create_ReachingResourcesTheActorReachesOnlyThroughGrants_IsExceedsGranterPermissions()
    {
        await using var bed = TestBed.Create(o => o.Roles.UsePreset(RolePresets.OwnerAdministratorMemberObserver)
            .Add(new RoleDefinition("Scoped Lead", 250, Permissions.RolesManage, "devices.read") { IsScopedToGrants = true }));
        var crew = await bed.CrewAsync("Scoped Lead");

        var everywhere = await RolesOf(bed).CreateAsync(crew[0], crew.TeamId, Request("Everywhere", 100, "devices.read"));
        var scoped = await RolesOf(bed).CreateAsync(crew[0], crew.TeamId, new TeamRoleRequest { Name = "Scoped", Rank = 100, Permissions = ["devices.read"], IsScopedToGrants = true });

        Assert.Equal(TeamAccessErrorCode.ExceedsGranterPermissions, everywhere.Code);
        Assert.True(scoped.Succeeded, scoped.ToString());
    }

    [Fact]
    public async Task Create_RankedAtOrAboveTheActor_IsRoleRankTooHigh()
    {
        await using var bed = WithLeads();
        var crew = await bed.CrewAsync("Lead");

        var atLead = await RolesOf(bed).CreateAsync(crew[0], crew.TeamId, Request("Peer", 250, Permissions.MembersRead));
        var atOwner = await RolesOf(bed).CreateAsync(crew.OwnerId, crew.TeamId, Request("Co-owner", 400, Permissions.MembersRead));
        var belowLead = await RolesOf(bed).CreateAsync(crew[0], crew.TeamId, Request("Junior", 249, Permissions.MembersRead));

        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, atLead.Code);
        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, atOwner.Code);
        Assert.True(belowLead.Succeeded, belowLead.ToString());
    }

    [Fact]
    public async Task UpdateAndDelete_ARoleRankedAboveTheActor_IsRoleRankTooHigh()
    {
        await using var bed = WithLeads();
        var crew = await bed.CrewAsync("Lead");
        await RolesOf(bed).CreateAsync(crew.OwnerId, crew.TeamId, Request("Senior", 260, Permissions.MembersRead));

        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, (await RolesOf(bed).UpdateAsync(crew[0], crew.TeamId, Request("Senior", 100, Permissions.MembersRead))).Code);
        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, (await RolesOf(bed).DeleteAsync(crew[0], crew.TeamId, "Senior")).Code);
        Assert.Equal(260, (await bed.SnapshotAsync(crew.TeamId)).TeamRoles["Senior"].Rank);
    }

    [Fact]
    public async Task Update_ARoleHoldingWhatTheActorLacks_IsExceedsGranterPermissions()
    {
        await using var bed = WithLeads();
        var crew = await bed.CrewAsync("Lead");
        await RolesOf(bed).CreateAsync(crew.OwnerId, crew.TeamId, Request("Writer", 100, "devices.write"));

        var result = await RolesOf(bed).UpdateAsync(crew[0], crew.TeamId, Request("Writer", 100, "devices.read"));

        Assert.Equal(TeamAccessErrorCode.ExceedsGranterPermissions, result.Code);
    }

    [Fact]
    public async Task ChangeRole_ToATeamRoleHoldingWhatTheActorLacks_IsExceedsGranterPermissions()
    {
        await using var bed = WithLeads();
        var crew = await bed.CrewAsync("Lead", RolePresets.Observer);
        await RolesOf(bed).CreateAsync(crew.OwnerId, crew.TeamId, Request("Writer", 100, "devices.write"));
        await RolesOf(bed).CreateAsync(crew.OwnerId, crew.TeamId, Request("Peer", 250, Permissions.MembersRead));
        await RolesOf(bed).CreateAsync(crew.OwnerId, crew.TeamId, Request("Reader", 100, "devices.read"));

        var writer = await bed.Members.ChangeRoleAsync(crew[0], crew.TeamId, crew.MembershipOf(1), "Writer");
        var peer = await bed.Members.ChangeRoleAsync(crew[0], crew.TeamId, crew.MembershipOf(1), "Peer");
        var reader = await bed.Members.ChangeRoleAsync(crew[0], crew.TeamId, crew.MembershipOf(1), "Reader");
        var invited = await bed.Invitations.InviteAsync(crew[0], crew.TeamId, new InviteRequest(["writer@example.com"], "Writer"));

        Assert.Equal(TeamAccessErrorCode.ExceedsGranterPermissions, writer.Code);
        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, peer.Code);
        Assert.True(reader.Succeeded, reader.ToString());
        Assert.Equal(TeamAccessErrorCode.ExceedsGranterPermissions, Assert.Single(invited.Value!.Outcomes).Code);
        Assert.False(bed.Access.HasPermission(crew[1], crew.TeamId, "devices.write"));
    }

    [Fact]
    public async Task ChangeRole_ToARoleTheTeamDoesNotHave_IsInvalidRole()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var other = await bed.SignUpAsync();
        await RolesOf(bed).CreateAsync(other.User.Id, other.Team.Id, Request("Elsewhere", 100, Permissions.MembersRead));

        var result = await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), "Elsewhere");

        Assert.Equal(TeamAccessErrorCode.InvalidRole, result.Code);
    }

    [Fact]
    public async Task Create_BeyondTheHostsBounds_IsRefused()
    {
        await using var bed = TestBed.Create(o =>
        {
            o.Roles.TeamRoles.MaxRolesPerTeam = 1;
            o.Roles.TeamRoles.AllowedPermissions.Add("*.read");
        });
        var owner = await bed.SignUpAsync();
        var roles = RolesOf(bed);

        Assert.Equal(TeamAccessErrorCode.PermissionNotAllowed, (await roles.CreateAsync(owner.User.Id, owner.Team.Id, Request("Writer", 100, "devices.write"))).Code);
        Assert.True((await roles.CreateAsync(owner.User.Id, owner.Team.Id, Request("Reader", 100, "devices.read"))).Succeeded);
        Assert.Equal(TeamAccessErrorCode.TeamRoleLimitReached, (await roles.CreateAsync(owner.User.Id, owner.Team.Id, Request("Second", 90, "devices.read"))).Code);
    }

    [Theory]
    [InlineData(Permissions.TeamDelete, TeamAccessErrorCode.PermissionNotAllowed)]
    [InlineData(Permissions.BillingManage, TeamAccessErrorCode.PermissionNotAllowed)]
    [InlineData(Permissions.TeamSignInPolicy, TeamAccessErrorCode.PermissionNotAllowed)]
    [InlineData("devices.fly", TeamAccessErrorCode.InvalidPermission)]
    public async Task Create_TheGuardiansOwnOrAnUnregisteredPermission_IsRefused(string permission, TeamAccessErrorCode expected)
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();

        var result = await RolesOf(bed).CreateAsync(owner.User.Id, owner.Team.Id, Request("Deputy", 100, permission));

        Assert.Equal(expected, result.Code);
    }

    [Fact]
    public async Task Create_ReadOnlyWithAWritePermission_IsReadOnlyRole()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();

        var result = await RolesOf(bed).CreateAsync(owner.User.Id, owner.Team.Id, new TeamRoleRequest { Name = "Watcher", Rank = 100, Permissions = ["devices.write"], IsReadOnly = true });

        Assert.Equal(TeamAccessErrorCode.ReadOnlyRole, result.Code);
    }

    [Fact]
    public async Task Update_ChangesWhatItsHoldersHoldAtOnce_AndAScopedRoleReachesOnlyGrantedResources()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        await RolesOf(bed).CreateAsync(crew.OwnerId, crew.TeamId, Request("Operator", 150, "devices.read"));
        await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), "Operator");
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.read", "pump-1"));

        var scoped = await RolesOf(bed).UpdateAsync(crew.OwnerId, crew.TeamId, new TeamRoleRequest { Name = "Operator", Rank = 150, Permissions = ["devices.read", "devices.write"], IsScopedToGrants = true });
        await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(0)), "pump-1", ["devices.write"]);

        Assert.True(scoped.Succeeded, scoped.ToString());
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.read", "pump-2"));
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write", "pump-1"));
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write"));

        var readOnly = await RolesOf(bed).UpdateAsync(crew.OwnerId, crew.TeamId, new TeamRoleRequest { Name = "Operator", Rank = 150, Permissions = ["devices.read"], IsScopedToGrants = true, IsReadOnly = true });

        Assert.True(readOnly.Succeeded, readOnly.ToString());
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write", "pump-1"));
    }

    [Fact]
    public async Task Delete_ARoleInUse_IsRoleInUseNamingTheFirstHoldersAndCountingThemAll()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Member, RolePresets.Member, RolePresets.Member, RolePresets.Member, RolePresets.Member);
        await RolesOf(bed).CreateAsync(crew.OwnerId, crew.TeamId, Request("Operator", 150, "devices.read"));
        for (var i = 0; i < crew.Members.Count; i++)
        {
            Assert.True((await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(i), "Operator")).Succeeded);
        }

        var refused = await RolesOf(bed).DeleteAsync(crew.OwnerId, crew.TeamId, "Operator");

        Assert.Equal(TeamAccessErrorCode.RoleInUse, refused.Code);
        Assert.Contains("6 membership(s)", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(5, refused.Error.Details.Count);
        Assert.All(refused.Error.Details, id => Assert.Contains(crew.Members, m => m.Membership.Id.ToString() == id));
        Assert.True((await bed.SnapshotAsync(crew.TeamId)).TeamRoles.ContainsKey("Operator"));
    }

    [Fact]
    public async Task JustInTimeJoin_InATeamRole_JoinsInIt_AndTheRoleCannotBeDeletedWhileNamed()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        await RolesOf(bed).CreateAsync(owner.User.Id, owner.Team.Id, Request("Field Tech", 150, "devices.read", "devices.write"));
        await bed.RequireSsoAsync(owner, bed.Acme.Name, verifiedDomain: "acme.example", justInTimeRole: "Field Tech");

        var joined = await bed.Sessions.SignInAsync(bed.Acme.Credential("a-tech", "tech@acme.example"), owner.Team.Id);

        Assert.True(joined.Succeeded, joined.ToString());
        Assert.Equal("Field Tech", joined.Value!.Info.Role);
        Assert.True(bed.Access.HasPermission(joined.Value.Info.UserId, owner.Team.Id, "devices.write"));
        Assert.True((await bed.Sessions.ValidateAsync(joined.Value.AccessToken, owner.Team.Id)).Succeeded);
        await bed.Members.RemoveAsync(owner.User.Id, owner.Team.Id, joined.Value.Info.MembershipId);
        var refused = await RolesOf(bed).DeleteAsync(owner.User.Id, owner.Team.Id, "Field Tech");
        Assert.Equal(TeamAccessErrorCode.RoleInUse, refused.Code);
        Assert.Empty(refused.Error!.Details);
    }

    [Fact]
    public async Task SetSignInPolicy_JustInTimeRoleTheTeamDoesNotHave_IsInvalidRole()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();

        var result = await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, new TeamSignInPolicy(true, bed.Acme.Name) { VerifiedDomain = "acme.example", JustInTimeRole = "Field Tech" });

        Assert.Equal(TeamAccessErrorCode.InvalidRole, result.Code);
    }

    [Fact]
    public async Task ListPage_ByAHolderOfATeamRole_IsAuthorizedByThatRole()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Observer);
        await RolesOf(bed).CreateAsync(crew.OwnerId, crew.TeamId, Request("Auditor", 150, Permissions.AuditRead, Permissions.MembersRead));
        await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), "Auditor");

        var page = await bed.Audit.ListPageAsync(crew[0], crew.TeamId, new AuditQuery());

        Assert.True(page.Succeeded, page.ToString());
    }
}
