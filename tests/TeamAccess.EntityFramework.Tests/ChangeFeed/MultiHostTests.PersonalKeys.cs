using TeamAccess.Members;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.EntityFramework.Tests;

/// <content>Personal API keys across instances (issue 23): a member's key made through A works on B, follows the member's role there, and dies on B when A deactivates the member.</content>
public abstract partial class MultiHostTests
{
    [SkippableFact]
    public async Task PersonalKey_MemberDeactivatedThroughA_IsRefusedOnBWithinTheBound()
    {
        await OnOneStoreAsync(async storage =>
        {
            await using var a = await Host.StartAsync(storage, o => o.ApiKeys.AllowPersonalKeys = true);
            await using var b = await Host.StartAsync(storage, o => o.ApiKeys.AllowPersonalKeys = true);
            var owner = await a.SignUpAsync("owner");
            var staff = await a.SignUpAsync("staff");
            var team = owner.Team.Id;
            var added = await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, staff.User.Id, RolePresets.Member));
            Assert.True(added.Succeeded, added.ToString());
            var keysOnB = (IApiKeyValidator)b.Services.GetService(typeof(IApiKeyValidator))!;

            var key = await a.Use<IPersonalKeyService, Result<IssuedApiKey>>(s => s.CreateAsync(staff.User.Id, team, new CreateApiKeyRequest("laptop-script")));
            Assert.True(key.Succeeded, key.ToString());
            await Host.EventuallyAsync(() => keysOnB.Validate(key.Value!.Secret).Succeeded, Limit(b), "personal key on B");
            Assert.False(keysOnB.Validate(key.Value!.Secret).Value!.HasPermission(team, Permissions.MembersManage));

            // The member's role changed through A: the key's checks on B follow.
            Assert.True((await a.Use<IMemberService, Result<Membership>>(m => m.ChangeRoleAsync(owner.User.Id, team, added.Value!.Id, RolePresets.Administrator))).Succeeded);
            await Host.EventuallyAsync(() => keysOnB.Validate(key.Value!.Secret).Value?.HasPermission(team, Permissions.MembersManage) == true, Limit(b), "role change on B");

            // Deactivated through A: B refuses the key.
            Assert.True((await a.Use<IMemberService, Result<Membership>>(m => m.DeactivateAsync(owner.User.Id, team, added.Value!.Id))).Succeeded);
            await Host.EventuallyAsync(() => keysOnB.Validate(key.Value!.Secret).Code == TeamAccessErrorCode.ApiKeyRevoked, Limit(b), "deactivated member's key on B");
        });
    }
}
