// A narrated tour of TeamAccess, read top to bottom like documentation: each step prints what a person would see on
// the account and team pages of an IoT device-management portal.
using Microsoft.Extensions.DependencyInjection;
using TeamAccess;

var services = new ServiceCollection();
services.AddTeamAccess(options =>
{
    options.Roles.UsePreset(RolePresets.OwnerAdministratorMemberObserver);
    options.Permissions.Add("devices.read", "devices.write");
});

await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
await provider.WarmUpTeamAccessAsync();
await using var scope = provider.CreateAsyncScope();
var users = scope.ServiceProvider.GetRequiredService<IUserService>();
var teams = scope.ServiceProvider.GetRequiredService<ITeamService>();
var members = scope.ServiceProvider.GetRequiredService<IMemberService>();
var groups = scope.ServiceProvider.GetRequiredService<IGroupService>();
var grants = scope.ServiceProvider.GetRequiredService<IGrantService>();
var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
var access = scope.ServiceProvider.GetRequiredService<IAccessChecker>();

Step("1. Ada signs up: a new user and a new team, with Ada as its Owner (the guardian role).");
var ada = Expect(await users.SignUpAsync(new SignUpRequest("Ada.Lovelace@Example.com ", "Ada", "Lovelace", "Berlin Plant", "berlin-plant")));
var berlin = ada.Team.Id;
Say($"User {ada.User.Email} (normalized), team '{ada.Team.Name}' (@{ada.Team.Handle}, {ada.Team.Tier}), role {ada.Membership.Role}.");

Step("2. Three colleagues sign up (each gets a team of their own) and Ada adds them to Berlin Plant.");
var grace = Expect(await users.SignUpAsync(new SignUpRequest("grace@example.com", "Grace", "Hopper", "Grace's lab", "grace-lab")));
var alan = Expect(await users.SignUpAsync(new SignUpRequest("alan@example.com", "Alan", "Turing", "Alan's lab", "alan-lab")));
var edsger = Expect(await users.SignUpAsync(new SignUpRequest("edsger@example.com", "Edsger", "Dijkstra", "Edsger's lab", "edsger-lab")));
var graceInBerlin = Expect(await members.AddAsync(ada.User.Id, berlin, grace.User.Id, RolePresets.Administrator));
var alanInBerlin = Expect(await members.AddAsync(ada.User.Id, berlin, alan.User.Id, RolePresets.Member));
var edsgerInBerlin = Expect(await members.AddAsync(ada.User.Id, berlin, edsger.User.Id, RolePresets.Observer));
foreach (var row in Expect(await members.ListAsync(ada.User.Id, berlin)))
{
    Say($"{row.Email,-22} {row.FirstName} {row.LastName,-10} {row.Role,-14} {row.Status}");
}

Step("3. Edsger is an Observer: he may read devices, never write them.");
Say($"Edsger devices.read:  {access.HasPermission(edsger.User.Id, berlin, "devices.read")}");
Say($"Edsger devices.write: {access.HasPermission(edsger.User.Id, berlin, "devices.write")}  ({access.Explain(edsger.User.Id, berlin, "devices.write").Reason})");
var observerAdds = await members.AddAsync(edsger.User.Id, berlin, grace.User.Id, RolePresets.Member);
Say($"Edsger tries to add a member: {observerAdds.Code}");

Step("4. Alan is a Member: he reaches only the resources granted to him or to one of his groups.");
Expect(await grants.GrantAsync(ada.User.Id, berlin, GrantSubject.ForMembership(alanInBerlin.Id), "line-1", ["devices.read", "devices.write"]));
var maintenance = Expect(await groups.CreateAsync(ada.User.Id, berlin, "Maintenance team", "maintenance-team"));
Expect(await groups.AddMemberAsync(ada.User.Id, berlin, maintenance.Id, alanInBerlin.Id));
Expect(await grants.GrantAsync(ada.User.Id, berlin, GrantSubject.ForGroup(maintenance.Id), "line-2", ["devices.read"]));
foreach (var resource in new[] { "line-1", "line-2", "line-3" })
{
    var write = access.Explain(alan.User.Id, berlin, "devices.write", resource);
    var read = access.Explain(alan.User.Id, berlin, "devices.read", resource);
    Say($"Alan on {resource}: read {read.Allowed,-5} ({read.Reason}), write {write.Allowed,-5} ({write.Reason})");
}

Step("5. Grace is in two teams: her own lab (Owner) and Berlin Plant (Administrator). She works in one at a time.");
foreach (var place in await teams.ListForUserAsync(grace.User.Id))
{
    Say($"{place.Team.Name,-14} {place.Role,-14} {place.Status}; members.invite there: {access.HasPermission(grace.User.Id, place.Team.Id, Permissions.MembersInvite)}");
}

var graceMakesOwner = await members.ChangeRoleAsync(grace.User.Id, berlin, edsgerInBerlin.Id, RolePresets.Owner);
Say($"Grace (Administrator) tries to make Edsger an Owner: {graceMakesOwner.Code}");

Step("6. The last guardian is refused removal: Berlin Plant must keep an Active Owner.");
Say($"Ada leaves Berlin Plant: {(await members.LeaveAsync(ada.User.Id, berlin)).Code}");
Say($"Ada demotes herself to Administrator: {(await members.ChangeRoleAsync(ada.User.Id, berlin, ada.Membership.Id, RolePresets.Administrator)).Code}");
Say($"Ada deletes her account: {(await users.DeleteAsync(ada.User.Id, ada.User.Id)).Code}");

Step("7. A role change takes effect at once: no cache to wait for, no sign-in to repeat.");
Say($"Before: Edsger devices.write = {access.HasPermission(edsger.User.Id, berlin, "devices.write")}");
Expect(await members.ChangeRoleAsync(ada.User.Id, berlin, edsgerInBerlin.Id, RolePresets.Administrator));
Say($"After Ada makes him Administrator: devices.write = {access.HasPermission(edsger.User.Id, berlin, "devices.write")}");
Expect(await members.DeactivateAsync(ada.User.Id, berlin, graceInBerlin.Id));
Say($"Grace deactivated: members.read = {access.HasPermission(grace.User.Id, berlin, Permissions.MembersRead)} ({access.Explain(grace.User.Id, berlin, Permissions.MembersRead).Reason})");

Step("8. Every change is in the audit log, in the same commit as the change.");
var events = Expect(await audit.ListAsync(ada.User.Id, berlin));
foreach (var e in events.TakeLast(5))
{
    Say($"#{e.Sequence,-3} {e.Action,-28} {e.SubjectKind}");
}

Say($"... {events.Count} events for Berlin Plant in all.");
Console.WriteLine();
Console.WriteLine("Tour complete.");
return 0;

static void Step(string title)
{
    Console.WriteLine();
    Console.WriteLine(title);
}

static void Say(string line) => Console.WriteLine("   " + line);

static T Expect<T>(Result<T> result) =>
    result.TryGetValue(out var value) ? value : throw new InvalidOperationException($"The tour expected success: {result}");
