using TeamAccess.Accounts;
using TeamAccess.Members;
using TeamAccess.Teams;

namespace TeamAccess.EntityFramework.Tests;

/// <content>
/// A user's sessions across instances (issue 24): a session signed out from the list through A, and a member signed out
/// by a team admin through A, are refused on B within the bound; a team that comes to require a second factor refuses on
/// B a session that proved none.
/// </content>
public abstract partial class MultiHostTests
{
    [SkippableFact]
    public async Task SessionSignedOutFromTheList_ThroughA_IsRefusedOnBWithinTheBound()
    {
        await OnOneStoreAsync(async storage =>
        {
            await using var a = await Host.StartAsync(storage);
            await using var b = await Host.StartAsync(storage);
            var owner = await a.SignUpAsync("owner");
            var team = owner.Team.Id;
            var laptop = await a.SignInAsync("owner@example.com", team);
            var phone = await b.SignInAsync("owner@example.com", team);
            var tablet = await b.SignInAsync("owner@example.com", team);

            // B has validated each session once, so it answers them from memory from here on.
            foreach (var session in new[] { laptop, phone, tablet })
            {
                Assert.True((await b.ValidateAsync(session.AccessToken, team)).Succeeded);
            }

            // A lists the sessions B issued and signs one out: B refuses it within the bound, and keeps the others.
            var listed = await a.Use<ISessionService, Result<IReadOnlyList<UserSession>>>(s => s.ListSessionsAsync(laptop.AccessToken));
            Assert.Contains(listed.Value!, s => s.SessionId == phone.Info.SessionId);
            Assert.True((await a.Use<ISessionService, Result>(s => s.SignOutSessionAsync(laptop.AccessToken, phone.Info.SessionId))).Succeeded);
            await Host.EventuallyAsync(async () => (await b.ValidateAsync(phone.AccessToken, team)).Code == TeamAccessErrorCode.SessionRevoked, Limit(b), "session signed out from the list, on B");
            Assert.True((await b.ValidateAsync(tablet.AccessToken, team)).Succeeded);

            // A signs out all its others: B refuses the tablet, A's own session goes on.
            Assert.Equal(1, (await a.Use<ISessionService, Result<int>>(s => s.SignOutOtherSessionsAsync(laptop.AccessToken))).Value);
            await Host.EventuallyAsync(async () => (await b.ValidateAsync(tablet.AccessToken, team)).Code == TeamAccessErrorCode.SessionRevoked, Limit(b), "other sessions signed out, on B");
            Assert.True((await b.ValidateAsync(laptop.AccessToken, team)).Succeeded);
        });
    }

    [SkippableFact]
    public async Task MemberSignedOutByAnAdmin_ThroughA_IsRefusedOnBWithinTheBound_TheirOtherTeamGoesOn()
    {
        await OnOneStoreAsync(async storage =>
        {
            await using var a = await Host.StartAsync(storage);
            await using var b = await Host.StartAsync(storage);
            var owner = await a.SignUpAsync("owner");
            var staff = await a.SignUpAsync("staff");
            var team = owner.Team.Id;
            var added = await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, staff.User.Id, RolePresets.Member));
            Assert.True(added.Succeeded, added.ToString());
            await Host.EventuallyAsync(() => b.Access.HasPermission(staff.User.Id, team, Permissions.MembersRead), Limit(b), "added member on B");
            var inTeam = await b.SignInAsync("staff@example.com", team);
            var ownTeam = await b.SignInAsync("staff@example.com", staff.Team.Id);
            Assert.True((await b.ValidateAsync(inTeam.AccessToken, team)).Succeeded);

            var signedOut = await a.Use<IMemberService, Result<Membership>>(m => m.SignOutAsync(owner.User.Id, team, added.Value!.Id));
            Assert.True(signedOut.Succeeded, signedOut.ToString());

            await Host.EventuallyAsync(async () => (await b.ValidateAsync(inTeam.AccessToken, team)).Code == TeamAccessErrorCode.SessionRevoked, Limit(b), "member signed out by an admin, on B");
            Assert.True((await b.ValidateAsync(ownTeam.AccessToken, staff.Team.Id)).Succeeded);
        });
    }

    [SkippableFact]
    public async Task SecondFactorPolicy_SetThroughA_RefusesOnBASessionWithoutASecondFactor()
    {
        await OnOneStoreAsync(async storage =>
        {
            await using var a = await Host.StartAsync(storage);
            await using var b = await Host.StartAsync(storage);
            var owner = await a.SignUpAsync("owner");
            var staff = await a.SignUpAsync("staff");
            var team = owner.Team.Id;
            Assert.True((await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, staff.User.Id, RolePresets.Member))).Succeeded);
            await Host.EventuallyAsync(() => b.Access.HasPermission(staff.User.Id, team, Permissions.MembersRead), Limit(b), "added member on B");
            var session = await b.SignInAsync("staff@example.com", team);
            Assert.True((await b.ValidateAsync(session.AccessToken, team)).Succeeded);

            var policy = await a.Use<ITeamService, Result<Team>>(t => t.SetSignInPolicyAsync(owner.User.Id, team, TeamSignInPolicy.Open with { SecondFactorRequired = true }));
            Assert.True(policy.Succeeded, policy.ToString());

            await Host.EventuallyAsync(async () => (await b.ValidateAsync(session.AccessToken, team)).Code == TeamAccessErrorCode.SecondFactorRequired, Limit(b), "second-factor policy on B");
            Assert.True((await b.ValidateAsync(session.AccessToken, team)).Code == TeamAccessErrorCode.SecondFactorRequired);
        });
    }
}
