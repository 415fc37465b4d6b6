using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>
/// Security review 3, L4: a team-bound provider is a customer's SSO; a guardian of another team cannot name it, nor have
/// its authority over the customer's domain verify that domain for their team, unless the host bound it to that team.
/// </summary>
public sealed class ProviderBindingTests
{
    [Fact]
    public async Task SetSignInPolicy_TeamBoundProviderTheHostDidNotBind_IsRefusedAndVerifiesNoDomain()
    {
        ICollection<TeamId>? acmeTeams = null;
        await using var bed = TestBed.Create(null, (name, o) => acmeTeams = name == "acme-sso" ? o.Teams : acmeTeams, s => s.RemoveAll<ITeamProviderBinding>());
        var acme = await bed.SignUpAsync("acme-it");
        var mallory = await bed.SignUpAsync("victimcorp-it-help");
        _ = bed.Services.GetServices<IIdentityProvider>().ToList();
        acmeTeams!.Add(acme.Team.Id);

        var named = await bed.Teams.SetSignInPolicyAsync(mallory.User.Id, mallory.Team.Id, new TeamSignInPolicy(true, bed.Acme.Name));
        var accepted = await bed.Teams.SetSignInPolicyAsync(mallory.User.Id, mallory.Team.Id, new TeamSignInPolicy(false, null) { AcceptedProviders = [bed.Acme.Name] });
        var verified = await bed.Services.GetRequiredService<IDomainVerifier>().IsVerifiedAsync(mallory.Team.Id, "acme.example", new TeamSignInPolicy(true, bed.Acme.Name), CancellationToken.None);
        var own = await bed.Teams.SetSignInPolicyAsync(acme.User.Id, acme.Team.Id, new TeamSignInPolicy(true, bed.Acme.Name) { VerifiedDomain = "acme.example", JustInTimeRole = RolePresets.Member });

        Assert.Equal(TeamAccessErrorCode.ProviderNotAccepted, named.Code);
        Assert.Equal(TeamAccessErrorCode.ProviderNotAccepted, accepted.Code);
        Assert.False(verified);
        Assert.True(own.Succeeded, own.ToString());
        Assert.True(bed.Services.GetRequiredService<IdentityProviderRegistry>().IsRegistered(bed.Globex.Name));
        var global = await bed.Teams.SetSignInPolicyAsync(mallory.User.Id, mallory.Team.Id, new TeamSignInPolicy(false, null) { AcceptedProviders = [bed.Globex.Name] });
        Assert.True(global.Succeeded, global.ToString());
    }
}
