using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Members;
using TeamAccess.Provisioning;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.EntityFramework.Tests;

/// <content>The directory (SCIM) deprovisioning a guardian on one instance while a role change runs on the other.</content>
public abstract partial class MultiHostTests
{
    [SkippableFact]
    public async Task DirectoryDeactivation_RacingADemotionOnTheOtherInstance_NeverLeavesTheTeamWithoutAGuardian()
    {
        await OnOneStoreAsync(async storage =>
        {
            await using var a = await Host.StartAsync(storage);
            await using var b = await Host.StartAsync(storage);
            for (var round = 0; round < 6; round++)
            {
                // Two Active guardians: the directory deactivates the first through A while, through B, the first demotes the second.
                var first = await a.SignUpAsync($"first{round}");
                var second = await a.SignUpAsync($"second{round}");
                var team = first.Team.Id;
                var secondMembership = (await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, second.User.Id, RolePresets.Owner))).Value!.Id;
                var account = await a.Use<IServiceAccountService, Result<ServiceAccount>>(s => s.CreateAsync(first.User.Id, team, new CreateServiceAccountRequest("Directory", RolePresets.Administrator)));
                Assert.True(account.Succeeded, account.ToString());
                var directory = account.Value!.PrincipalId;
                var firstMembership = first.Membership.Id;

                var results = await Task.WhenAll(
                    Task.Run<Result>(async () => await a.Use<IProvisioningService, Result<DirectoryUser>>(p => p.UpdateAsync(directory, team, firstMembership, new DirectoryUserChange { Active = false }))),
                    Task.Run<Result>(async () => await b.Use<IMemberService, Result<Membership>>(m => m.ChangeRoleAsync(first.User.Id, team, secondMembership, RolePresets.Administrator))));

                // One of the two may win, never both: the team's version decides, and the loser decides again on what the winner left.
                Assert.False(results[0].Succeeded && results[1].Succeeded, $"round {round}: both committed ({results[0]}, {results[1]})");
                Assert.True(results[0].Succeeded || results[1].Succeeded, $"round {round}: neither committed ({results[0]}, {results[1]})");
                var stored = await a.UseAsync(async sp => (await sp.GetRequiredService<ITeamStore>().LoadAsync(team, CancellationToken.None))!);
                var guardians = stored.Memberships.Values.Count(m => m.Status == MembershipStatus.Active && m.Role == RolePresets.Owner);
                Assert.True(guardians >= 1, $"round {round}: no Active guardian left");
                Assert.Equal(results[0].Succeeded ? MembershipStatus.Inactive : MembershipStatus.Active, stored.Memberships[firstMembership].Status);
                Assert.Equal(results[1].Succeeded ? RolePresets.Administrator : RolePresets.Owner, stored.Memberships[secondMembership].Role);
            }
        });
    }
}
