using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Events;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

/// <content>A user's sessions (issue 24): recorded at sign-in, listed, seen in batches, signed out one by one or all others, ended by a team admin.</content>
public abstract partial class StoreSpecificationTests
{
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    [SkippableFact]
    public async Task ListSessionsAsync_TwoSignIns_ListsBothWithDeviceAddressMethods_CurrentMarked()
    {
        StoreBed.Extra.Value = s => s.AddSingleton<ISessionClientAccessor>(new FixedSessionClient(new SessionClient(Firefox, "203.0.113.7")));
        await using var bed = await CreateBedAsync();
        StoreBed.Extra.Value = null;
        var ada = await bed.SignUpAsync("ada");
        var first = await SignInAsHostAsync(bed, "ada", ada.Team.Id);
        bed.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await SignInAsHostAsync(bed, "ada", ada.Team.Id);

        var listed = (await bed.Sessions.ListSessionsAsync(first.AccessToken)).Value!;

        Assert.Equal([second.Info.SessionId, first.Info.SessionId], listed.Select(s => s.SessionId));
        Assert.All(listed, s => Assert.Equal(("Firefox on Windows", "203.0.113.7", ada.Team.Id), (s.Device, s.IpAddress, s.TeamId)));
        Assert.Equal([false, true], listed.Select(s => s.IsCurrent));
        Assert.Equal(first.Info.AuthenticatedAt, listed[1].SignedInAt);
        Assert.Equal(first.Info.AuthenticationMethods, listed[1].AuthenticationMethods);
        Assert.Equal(first.Info.ExpiresAt, listed[1].ExpiresAt);
    }

    [SkippableFact]
    public async Task SignOutSessionAsync_OneOfMine_IsRefusedAndUnlisted_AnotherUsersIsNotFound()
    {
        await using var bed = await CreateBedAsync();
        var ada = await bed.SignUpAsync("ada");
        var bob = await bed.SignUpAsync("bob");
        var laptop = await SignInAsHostAsync(bed, "ada", ada.Team.Id);
        var phone = await SignInAsHostAsync(bed, "ada", ada.Team.Id);
        var bobs = await SignInAsHostAsync(bed, "bob", bob.Team.Id);

        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SignOutSessionAsync(laptop.AccessToken, bobs.Info.SessionId)).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SignOutSessionAsync(laptop.AccessToken, Guid.NewGuid())).Code);
        Assert.True((await bed.Sessions.SignOutSessionAsync(laptop.AccessToken, phone.Info.SessionId)).Succeeded);

        await using var next = bed.Scope();
        var sessions = next.ServiceProvider.GetRequiredService<ISessionService>();
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await sessions.ValidateAsync(phone.AccessToken, ada.Team.Id)).Code);
        Assert.True((await sessions.ValidateAsync(bobs.AccessToken, bob.Team.Id)).Succeeded);
        Assert.Equal([laptop.Info.SessionId], (await sessions.ListSessionsAsync(laptop.AccessToken)).Value!.Select(s => s.SessionId));
        Assert.Equal(TeamAccessErrorCode.NotFound, (await sessions.SignOutSessionAsync(laptop.AccessToken, phone.Info.SessionId)).Code);
    }

    [SkippableFact]
    public async Task SignOutOtherSessionsAsync_EndsEveryOtherSession_KeepsTheCurrentOne()
    {
        await using var bed = await CreateBedAsync();
        var ada = await bed.SignUpAsync("ada");
        var kept = await SignInAsHostAsync(bed, "ada", ada.Team.Id);
        var others = new[] { await SignInAsHostAsync(bed, "ada", ada.Team.Id), await SignInAsHostAsync(bed, "ada", ada.Team.Id) };

        Assert.Equal(2, (await bed.Sessions.SignOutOtherSessionsAsync(kept.AccessToken)).Value);

        Assert.True((await bed.Sessions.ValidateAsync(kept.AccessToken, ada.Team.Id)).Succeeded);
        foreach (var other in others)
        {
            Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(other.AccessToken, ada.Team.Id)).Code);
        }

        Assert.Single((await bed.Sessions.ListSessionsAsync(kept.AccessToken)).Value!);
        Assert.Equal(0, (await bed.Sessions.SignOutOtherSessionsAsync(kept.AccessToken)).Value);
    }

    [SkippableFact]
    public async Task ListSessionsAsync_SwitchedSession_ShowsItsNewTeam_SignOutEverywhereEndsTheList()
    {
        await using var bed = await CreateBedAsync();
        var ada = await bed.SignUpAsync("ada");
        var other = await bed.SignUpAsync();
        Assert.True((await bed.Members.AddAsHostAsync(other.Team.Id, ada.User.Id, RolePresets.Member)).Succeeded);
        var session = await SignInAsHostAsync(bed, "ada", ada.Team.Id);

        var switched = (await bed.Sessions.SwitchTeamAsync(session.AccessToken, other.Team.Id)).Value!;

        var listed = Assert.Single((await bed.Sessions.ListSessionsAsync(switched.AccessToken)).Value!);
        Assert.Equal((session.Info.SessionId, other.Team.Id, "Unknown device", (string?)null), (listed.SessionId, listed.TeamId, listed.Device, listed.IpAddress));
        Assert.True((await bed.Sessions.SignOutEverywhereAsync(switched.AccessToken)).Succeeded);
        var fresh = await SignInAsHostAsync(bed, "ada", ada.Team.Id);
        Assert.Equal([fresh.Info.SessionId], (await bed.Sessions.ListSessionsAsync(fresh.AccessToken)).Value!.Select(s => s.SessionId));
    }

    [SkippableFact]
    public async Task MembersSignOutAsync_AdminEndsAMembersSessionsInThisTeamOnly_NeverAHigherRank_Audited()
    {
        await using var bed = await CreateBedAsync();
        var (owner, crew) = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member);
        var (admin, member) = (crew[0], crew[1]);
        var memberName = member.User.Email.Split('@')[0];
        var inTeam = await SignInAsHostAsync(bed, memberName, owner.Team.Id);
        var ownTeam = (await bed.Sessions.SignInAsync(SignInCredential.ForToken(bed.Host.Name, bed.Host.Mint($"host-{memberName}", member.User.Email)), $"{memberName}-team")).Value!;
        var ownersSession = await SignInAsHostAsync(bed, owner.User.Email.Split('@')[0], owner.Team.Id);

        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, (await bed.Members.SignOutAsync(admin.User.Id, owner.Team.Id, owner.Membership.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.PermissionDenied, (await bed.Members.SignOutAsync(member.User.Id, owner.Team.Id, admin.Membership.Id)).Code);
        var done = await bed.Members.SignOutAsync(admin.User.Id, owner.Team.Id, member.Membership.Id);
        Assert.True(done.Succeeded, done.ToString());

        await using var next = bed.Scope();
        var sessions = next.ServiceProvider.GetRequiredService<ISessionService>();
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await sessions.ValidateAsync(inTeam.AccessToken, owner.Team.Id)).Code);
        Assert.True((await sessions.ValidateAsync(ownTeam.AccessToken, ownTeam.Info.TeamId)).Succeeded);
        Assert.True((await sessions.ValidateAsync(ownersSession.AccessToken, owner.Team.Id)).Succeeded);
        Assert.Equal([ownTeam.Info.SessionId], (await sessions.ListSessionsAsync(ownTeam.AccessToken)).Value!.Select(s => s.SessionId));
        var ended = Assert.Single(await bed.AuditAsync(owner.Team.Id), e => e.Action == TeamAccessEvent.ActionOf<MemberSessionsEndedEvent>());
        Assert.Equal(admin.User.Id, ended.ActorId);
    }

    [SkippableFact]
    public async Task SessionRecordStore_SeenMovesForwardOnly_PruneDeletesOnlyExpired()
    {
        await using var bed = await CreateBedAsync();
        var ada = await bed.SignUpAsync("ada");
        var session = await SignInAsHostAsync(bed, "ada", ada.Team.Id);
        var store = bed.Services.GetRequiredService<ISessionRecordStore>();
        var now = bed.Time.GetUtcNow();

        await store.RecordSessionsSeenAsync([new SessionSeen(session.Info.SessionId, now.AddMinutes(2)), new SessionSeen(Guid.NewGuid(), now)], CancellationToken.None);
        await store.RecordSessionsSeenAsync([new SessionSeen(session.Info.SessionId, now.AddMinutes(1))], CancellationToken.None);

        var stored = Assert.Single(await store.ListSessionsAsync(ada.User.Id, now, CancellationToken.None));
        Assert.Equal(now.AddMinutes(2), stored.LastSeenAt);
        Assert.Equal(0, await store.PruneSessionsAsync(session.Info.ExpiresAt.AddTicks(-1), 10, CancellationToken.None));
        Assert.Empty(await store.ListSessionsAsync(ada.User.Id, session.Info.ExpiresAt, CancellationToken.None));
        Assert.Equal(1, await store.PruneSessionsAsync(session.Info.ExpiresAt, 10, CancellationToken.None));
        Assert.Empty(await store.ListSessionsAsync(ada.User.Id, now, CancellationToken.None));
    }

    private static async Task<Session> SignInAsHostAsync(StoreBed bed, string name, TeamId teamId)
    {
        var signedIn = await bed.Sessions.SignInAsync(SignInCredential.ForToken(bed.Host.Name, bed.Host.Mint($"host-{name}", $"{name}@example.com")), teamId);
        Assert.True(signedIn.Succeeded, signedIn.ToString());
        return signedIn.Value!;
    }

    private sealed class FixedSessionClient(SessionClient client) : ISessionClientAccessor
    {
        public SessionClient? Current => client;
    }
}
