// A narrated tour of TeamAccess, read top to bottom like documentation: each step prints what a person would see on
// the account and team pages of an IoT device-management portal.
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TeamAccess;
using TeamAccess.Accounts;
using TeamAccess.Audit;
using TeamAccess.Events;
using TeamAccess.Grants;
using TeamAccess.Groups;
using TeamAccess.Import;
using TeamAccess.Invitations;
using TeamAccess.Members;
using TeamAccess.Ownership;
using TeamAccess.Samples.Console;
using TeamAccess.TeamRoles;
using TeamAccess.Teams;

var outbox = Path.Combine(AppContext.BaseDirectory, "outbox");
if (Directory.Exists(outbox))
{
    Directory.Delete(outbox, recursive: true);
}

var database = Path.Combine(AppContext.BaseDirectory, "teamaccess.db");
var clock = new TourClock();
Console.WriteLine($"TeamAccess tour, stored in the embedded SQLite file {database}");

// A second run finds the first run's data: the permission index is loaded from the file when the host starts, and the
// schema is brought up to date by the package's migrations. The file is never deleted: each run adds its own people.
var idp = new TourIdentityProvider(clock);
ServiceProvider provider;
try
{
    provider = await StartAsync(database, clock, outbox, idp);
}
catch (System.Data.Common.DbException ex)
{
    // Files of a TeamAccess from before migrations hold tables without a migration history; they are left as they are.
    Console.WriteLine($"The file {database} was made by a TeamAccess from before migrations ({ex.Message}). It is kept as it is: move it away to run the tour.");
    return 1;
}

var run = 1;
await using (var look = provider.CreateAsyncScope())
{
    var lookTeams = look.ServiceProvider.GetRequiredService<ITeamService>();
    if (await lookTeams.FindByHandleAsync("berlin-plant") is { } earlier)
    {
        var edsgerEarlier = await look.ServiceProvider.GetRequiredService<IUserService>().FindByEmailAsync("edsger@example.com");
        var mayWrite = provider.GetRequiredService<IAccessChecker>().HasPermission(edsgerEarlier!.Id, earlier.Id, "devices.write");
        run = 2;
        while (await lookTeams.FindByHandleAsync($"berlin-plant-{run}") is not null)
        {
            run++;
        }

        Step("0. An earlier run left its teams in the file; the permission index was loaded from it at start-up.");
        Say($"Found team '{earlier.Name}' (version {earlier.Version}); Edsger may write devices there: {mayWrite}");
        Say($"This is run {run}: its people and teams get the suffix {run}, beside the earlier runs' ones.");
    }
}

// Run 1 uses plain names; later runs add the run number, so every run's sign-ups are new.
string Mail(string name) => run == 1 ? $"{name}@example.com" : $"{name}+{run}@example.com";
string Handle(string handle) => run == 1 ? handle : $"{handle}-{run}";

await using var _ = provider;
await using var scope = provider.CreateAsyncScope();
var users = scope.ServiceProvider.GetRequiredService<IUserService>();
var teams = scope.ServiceProvider.GetRequiredService<ITeamService>();
var members = scope.ServiceProvider.GetRequiredService<IMemberService>();
var groups = scope.ServiceProvider.GetRequiredService<IGroupService>();
var grants = scope.ServiceProvider.GetRequiredService<IGrantService>();
var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
var invitations = scope.ServiceProvider.GetRequiredService<IInvitationService>();
var access = scope.ServiceProvider.GetRequiredService<IAccessChecker>();

Step("1. Ada signs up with a password: a new user and a new team, with Ada as its Owner (the guardian role).");
var ada = Expect(await users.SignUpAsync(new SignUpRequest(Mail("Ada.Lovelace").Replace("example", "Example", StringComparison.Ordinal) + " ", "Ada", "Lovelace", "Berlin Plant", Handle("berlin-plant")) { Password = "ada's long passphrase" }));
var berlin = ada.Team.Id;
Say($"User {ada.User.Email} (normalized), team '{ada.Team.Name}' (@{ada.Team.Handle}, {ada.Team.Tier}), role {ada.Membership.Role}.");
Say($"Email confirmed: {ada.User.EmailConfirmed}; password sign-in answers {(await scope.ServiceProvider.GetRequiredService<ISessionService>().SignInAsync(SignInCredential.ForPassword(Mail("ada.lovelace"), "ada's long passphrase"), berlin)).Code}.");
var activation = FolderActivationSender.Read(outbox, ada.User.Email);
Say($"\"Use the email link to log in and verify your account\": {(Expect(await users.ConfirmEmailAsync(activation.Token)).EmailConfirmed ? "confirmed" : "not confirmed")}; the same link again: {(await users.ConfirmEmailAsync(activation.Token)).Code}.");

Step("2. Three colleagues sign up (each gets a team of their own) and confirm their addresses; the host provisions them into Berlin Plant (a team admin would invite them).");
var grace = await SignUpAndConfirmAsync(new SignUpRequest(Mail("grace"), "Grace", "Hopper", "Grace's lab", Handle("grace-lab")) { Password = "grace's long passphrase" });
var alan = await SignUpAndConfirmAsync(new SignUpRequest(Mail("alan"), "Alan", "Turing", "Alan's lab", Handle("alan-lab")) { Password = "alan's long passphrase" });
var edsger = await SignUpAndConfirmAsync(new SignUpRequest(Mail("edsger"), "Edsger", "Dijkstra", "Edsger's lab", Handle("edsger-lab")) { Password = "edsger's long passphrase" });
var graceInBerlin = Expect(await members.AddAsHostAsync(berlin, grace.User.Id, RolePresets.Administrator));
var alanInBerlin = Expect(await members.AddAsHostAsync(berlin, alan.User.Id, RolePresets.Member));
var edsgerInBerlin = Expect(await members.AddAsHostAsync(berlin, edsger.User.Id, RolePresets.Observer));
foreach (var row in Expect(await members.ListAsync(ada.User.Id, berlin)))
{
    Say($"{row.Email,-22} {row.FirstName} {row.LastName,-10} {row.Role,-14} {row.Status}");
}

Step("3. Edsger is an Observer: he may read the devices granted to him, and never write any.");
Expect(await grants.GrantAsync(ada.User.Id, berlin, GrantSubject.ForMembership(edsgerInBerlin.Id), "line-1", ["devices.read"]));
Say($"Edsger devices.read on line-1:  {access.HasPermission(edsger.User.Id, berlin, "devices.read", "line-1")}");
Say($"Edsger devices.read on line-2:  {access.HasPermission(edsger.User.Id, berlin, "devices.read", "line-2")}  ({access.Explain(edsger.User.Id, berlin, "devices.read", "line-2").Reason})");
Say($"Edsger devices.write on line-1: {access.HasPermission(edsger.User.Id, berlin, "devices.write", "line-1")}  ({access.Explain(edsger.User.Id, berlin, "devices.write", "line-1").Reason})");
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

Step("8. Ada pastes two addresses into the invite dialog; each gets its own outcome and a message in the outbox.");
var invited = Expect(await invitations.InviteAsync(ada.User.Id, berlin, InviteRequest.FromText($"{Mail("linus")}, {Mail("margaret")} {Mail("alan")}", RolePresets.Member)));
foreach (var outcome in invited.Outcomes)
{
    Say($"{outcome.Address,-22} {outcome.Kind}{(outcome.ExpiresAt is { } expires ? $", expires {expires:yyyy-MM-dd}" : string.Empty)}");
}

Say($"Messages written to {outbox}");
var linusMessage = FolderInvitationSender.Read(outbox, Mail("linus"));
var linusKey = InvitationKey.FromToken(linusMessage.Token);

Step("9. Linus opens the link twice (a mail scanner did too): looking never consumes it. He accepts by creating an account.");
var preview = Expect(await invitations.PeekAsync(linusKey));
Say($"\"You are invited to {preview.TeamName} as {preview.Role}\" ({preview.Status}, expires {preview.ExpiresAt:yyyy-MM-dd})");
Expect(await invitations.PeekAsync(linusKey));
var weak = await invitations.AcceptWithNewAccountAsync(linusKey, new NewAccount("Linus", "Torvalds", "hunter2"));
Say($"With the password 'hunter2': {weak.Code} ({string.Join(", ", weak.Error!.Details)})");
var linus = Expect(await invitations.AcceptWithNewAccountAsync(linusKey, new NewAccount("Linus", "Torvalds", "a long passphrase nobody guesses")));
Say($"Accepted: {linus.User.Email} is now {linus.Membership.Role}, {linus.Membership.Status}. The same link again: {(await invitations.AcceptWithNewAccountAsync(linusKey, new NewAccount("Linus", "Torvalds", "a long passphrase nobody guesses"))).Code}");

Step("10. Margaret's invitation is resent (the first link dies), then revoked (the new link dies too).");
var margaretFirst = FolderInvitationSender.Read(outbox, Mail("margaret"));
var margaretRow = Expect(await invitations.ListAsync(ada.User.Id, berlin)).Single(r => r.Email == Mail("margaret"));
Say($"Resend at once: {(await invitations.ResendAsync(ada.User.Id, berlin, margaretRow.MembershipId)).Code} (a button cannot be used to spam)");
clock.Advance(TimeSpan.FromMinutes(2));
Expect(await invitations.ResendAsync(ada.User.Id, berlin, margaretRow.MembershipId));
Say($"Resend: the first link now answers {(await invitations.PeekAsync(InvitationKey.FromToken(margaretFirst.Token))).Code}");
ExpectSuccess(await invitations.RevokeAsync(ada.User.Id, berlin, margaretRow.MembershipId));
var margaretSecond = FolderInvitationSender.Read(outbox, Mail("margaret"));
Say($"Revoke: the resent link now shows {(await invitations.PeekAsync(InvitationKey.FromToken(margaretSecond.Token))).Value!.Status}, and accepting it answers {(await invitations.AcceptWithNewAccountAsync(InvitationKey.FromToken(margaretSecond.Token), new NewAccount("Margaret", "Hamilton", "a long passphrase nobody guesses"))).Code}");
foreach (var row in Expect(await invitations.ListAsync(ada.User.Id, berlin)))
{
    Say($"{row.Email,-22} {row.Role,-8} {row.Status,-9} sent {row.SendCount}x, invited by Ada");
}

Step("11. Every change is in the audit log, in the same commit as the change.");
var events = Expect(await audit.ListAsync(ada.User.Id, berlin));
foreach (var e in events.TakeLast(5))
{
    Say($"#{e.Sequence,-3} {e.Action,-28} {e.SubjectKind}");
}

Say($"... {events.Count} events for Berlin Plant in all.");

Step("12. Linus signs in to Berlin Plant with his password: a session bound to that one team.");
var sessions = scope.ServiceProvider.GetRequiredService<ISessionService>();
var linusLab = Expect(await teams.CreateAsync(linus.User.Id, "Linus's lab", Handle("linus-lab")));
idp.Bind(grace.Team.Id);   // the host's record: Grace's lab is the customer whose SSO this is
Expect(await teams.SetSignInPolicyAsync(grace.User.Id, grace.Team.Id, new TeamSignInPolicy(true, TourIdentityProvider.Name)));
Expect(await members.AddAsHostAsync(grace.Team.Id, linus.User.Id, RolePresets.Observer));
var session = Expect(await sessions.SignInAsync(SignInCredential.ForPassword(Mail("linus"), "a long passphrase nobody guesses"), berlin));
Say($"Session for {session.Info.Role} in Berlin Plant via '{session.Info.Provider}', until {session.Info.ExpiresAt:HH:mm} (a signed JWT of {session.AccessToken.Length} characters)");
Say($"Wrong password: {(await sessions.SignInAsync(SignInCredential.ForPassword(Mail("linus"), "not his passphrase at all"), berlin)).Code}; unknown address: {(await sessions.SignInAsync(SignInCredential.ForPassword("nobody@example.com", "not his passphrase at all"), berlin)).Code}");

Step("13. He switches teams: his own lab accepts passwords; Grace's lab requires its SSO provider.");
foreach (var place in Expect(await sessions.ListSwitchableTeamsAsync(session.AccessToken)))
{
    Say($"{place.Name,-14} {place.Role,-9} {(place.RequiresReauthentication ? "needs a new sign-in" : "switch without credentials")}");
}

var toLab = Expect(await sessions.SwitchTeamAsync(session.AccessToken, linusLab.Id));
Say($"Switch to Linus's lab: a new session as {toLab.Info.Role}, no password asked.");
Say($"Switch to Grace's lab: {(await sessions.SwitchTeamAsync(session.AccessToken, grace.Team.Id)).Code}");
Say($"Password sign-in to Grace's lab: {(await sessions.SignInAsync(SignInCredential.ForPassword(Mail("linus"), "a long passphrase nobody guesses"), grace.Team.Id)).Code}");
var viaSso = Expect(await sessions.SignInAsync(idp.SignIn(Handle("acme-4711"), Mail("linus")), grace.Team.Id));
Say($"Through acme-sso (verified email, first sign-in links the identity): {viaSso.Info.Role} in Grace's lab via '{viaSso.Info.Provider}'.");

Step("14. A role change ends the sessions issued before it: each session names its membership's security stamp.");
Say($"Berlin session valid: {(await sessions.ValidateAsync(session.AccessToken, berlin)).Succeeded}");
Expect(await members.ChangeRoleAsync(ada.User.Id, berlin, linus.Membership.Id, RolePresets.Observer));
Say($"After Ada makes Linus an Observer: {(await sessions.ValidateAsync(session.AccessToken, berlin)).Code}");
Step("15. Ada hands Berlin Plant over in two steps: she offers the Owner role, Edsger accepts, and only then may she go.");
var ownership = scope.ServiceProvider.GetRequiredService<IOwnershipService>();
var refusedLeave = await members.LeaveAsync(ada.User.Id, berlin);
Say($"Ada leaves first: {refusedLeave.Code}, the way out named: {string.Join(", ", refusedLeave.Error!.Details)}");
var offer = Expect(await ownership.OfferAsync(ada.User.Id, berlin, edsgerInBerlin.Id));
Say($"Ada offers the Owner role to Edsger, open until {offer.ExpiresAt:yyyy-MM-dd}; a second offer meanwhile: {(await ownership.OfferAsync(ada.User.Id, berlin, alanInBerlin.Id)).Code}");
Say($"Alan tries to accept Edsger's offer: {(await ownership.AcceptAsync(alan.User.Id, berlin, offer.Id)).Code}");
var edsgerOwner = Expect(await ownership.AcceptAsync(edsger.User.Id, berlin, offer.Id));
Say($"Edsger accepts: he is {edsgerOwner.Role}, Ada is {Expect(await members.ListAsync(edsger.User.Id, berlin)).Single(m => m.UserId == ada.User.Id).Role}; team.delete for Edsger: {access.HasPermission(edsger.User.Id, berlin, Permissions.TeamDelete)}");
Say($"Ada leaves Berlin Plant now: {(await members.LeaveAsync(ada.User.Id, berlin)).Succeeded}");
foreach (var e in Expect(await audit.ListAsync(edsger.User.Id, berlin)).Where(e => e.Action.StartsWith("ownership.", StringComparison.Ordinal)))
{
    Say($"#{e.Sequence,-3} {e.Action}");
}

Step("16. The host migrates the plant's staff from its old portal: a CSV export, imported in batches with a progress bar.");
Expect(await groups.CreateAsync(edsger.User.Id, berlin, "Night shift", "night-shift"));
var csv = new StringWriter();
csv.WriteLine(ImportCsv.Header);
for (var i = 0; i < 3_000; i++)
{
    csv.WriteLine(ImportCsv.Format(new ImportRow
    {
        Email = Mail($"worker{i}"), FirstName = "Worker", LastName = $"No. {i}", TeamHandle = Handle("berlin-plant"),
        Role = i % 100 == 0 ? RolePresets.Administrator : RolePresets.Member, Groups = i % 3 == 0 ? ["night-shift"] : [], Invite = i % 500 == 7,
    }));
}

csv.WriteLine(ImportCsv.Format(new ImportRow { Email = "not an address", TeamHandle = Handle("berlin-plant"), Role = RolePresets.Member }));
csv.WriteLine(ImportCsv.Format(new ImportRow { Email = edsger.User.Email, TeamHandle = Handle("berlin-plant"), Role = RolePresets.Member }));
var importer = scope.ServiceProvider.GetRequiredService<IImportService>();
var importRequest = new ImportRequest { ImportId = $"berlin-staff-{run}", BatchSize = 500, ExpectedRowCount = 3_002 };
var refusedRows = new List<ImportOutcome>();
await AnsiConsole.Progress()
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
    .StartAsync(async progressContext =>
    {
        var bar = progressContext.AddTask("   Importing 3,002 rows", maxValue: importRequest.ExpectedRowCount.Value);
        // Progress<T> reports on the thread pool, so a late report must not move the bar back.
        var progress = new Progress<ImportProgress>(p => bar.Value = Math.Max(bar.Value, p.RowsDone));
        // The host's import (no team session): it vouches for the addresses, so it adds people directly.
        await foreach (var outcome in importer.ImportAsHostAsync(importRequest, ImportCsv.ReadAsync(new StringReader(csv.ToString())), progress))
        {
            if (outcome.Kind == ImportOutcomeKind.Refused)
            {
                refusedRows.Add(outcome);
            }
        }

        bar.Value = bar.MaxValue;
    });
foreach (var refused in refusedRows)
{
    Say($"Row {refused.RowNumber} refused: {refused.Code}");
}

var imported = Expect(await members.ListAsync(edsger.User.Id, berlin));
Say($"Berlin Plant now has {imported.Count(m => m.Status == MembershipStatus.Active)} Active members and {imported.Count(m => m.Status == MembershipStatus.Invited)} invited; Edsger is still its {imported.Single(m => m.UserId == edsger.User.Id).Role}.");
var rerun = await importer.ImportAsHostAsync(new ImportRequest { ImportId = $"berlin-staff-again-{run}", BatchSize = 500 }, ImportCsv.ReadAsync(new StringReader(csv.ToString()))).ToListAsync();
Say($"The same file imported again: {rerun.Count(o => o.Kind == ImportOutcomeKind.Unchanged)} rows unchanged, {rerun.Count(o => o.Kind == ImportOutcomeKind.Refused)} refused, nothing written twice.");
ImportRow[] edsgersRows =
[
    new() { Email = Mail("newcomer"), TeamHandle = Handle("berlin-plant"), Role = RolePresets.Member },
    new() { Email = Mail("planted"), TeamHandle = Handle("berlin-plant"), Role = RolePresets.Member, PasswordHash = "v1.pbkdf2-sha512.100000.c2FsdHNhbHRzYWx0c2FsdA.a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U" },
];
var edsgersImport = await importer.ImportAsync(edsger.User.Id, new ImportRequest { ImportId = $"edsger-{run}" }, edsgersRows.ToAsyncEnumerable()).ToListAsync();
Say($"Edsger's own import (a team admin's): {string.Join("; ", edsgersImport.Select(o => $"row {o.RowNumber} {o.Kind} {(o.Code == TeamAccessErrorCode.None ? "" : o.Code.ToString())}".TrimEnd()))}: a team invites, never adds or brings passwords.");

Step("17. Edsger defines a role for Berlin Plant alone: Line Technician, who reads and writes the devices of every line.");
var teamRoles = scope.ServiceProvider.GetRequiredService<ITeamRoleService>();
var technician = Expect(await teamRoles.CreateAsync(edsger.User.Id, berlin, new TeamRoleRequest { Name = "Line Technician", Rank = 150, Permissions = ["devices.read", "devices.write"] }));
Say($"Role '{technician.Name}', rank {technician.Rank}: {string.Join(", ", technician.Permissions)}; other teams do not see it.");
Expect(await members.ChangeRoleAsync(edsger.User.Id, berlin, alanInBerlin.Id, technician.Name));
var onLine3 = access.Explain(alan.User.Id, berlin, "devices.write", "line-3");
Say($"Alan as {onLine3.Role}: devices.write on line-3 = {onLine3.Allowed} ({onLine3.Reason}), with no grant on it");
Say($"Alan (no roles.manage) defines a role: {(await teamRoles.CreateAsync(alan.User.Id, berlin, new TeamRoleRequest { Name = "Shadow", Rank = 100 })).Code}");
Say($"Edsger redefines the application's Administrator role: {(await teamRoles.UpdateAsync(edsger.User.Id, berlin, new TeamRoleRequest { Name = RolePresets.Administrator, Rank = 100 })).Code}");
var inUse = await teamRoles.DeleteAsync(edsger.User.Id, berlin, technician.Name);
Say($"Edsger deletes Line Technician while Alan holds it: {inUse.Code} ({inUse.Error!.Message})");

Step("18. A host's event handler got each change after its commit, in order, with a key to drop repeats (a webhook publisher).");
var lastChange = events.Count == 0 ? 0 : Expect(await audit.ListAsync(edsger.User.Id, berlin))[^1].Sequence;
var delivered = provider.GetRequiredService<TourEventLog>();
for (var waited = 0; waited < 400 && !delivered.Events.Any(e => e.Sequence >= lastChange); waited++)
{
    await Task.Delay(50);
}

foreach (var e in delivered.Events.Where(e => e.TeamId == berlin && e is MembershipEvent or OwnershipTransferredEvent).TakeLast(6))
{
    var change = e is MembershipEvent m ? $"{m.Email} {m.RoleBefore ?? "-"} -> {m.RoleAfter ?? "-"}" : "the Owner role changed hands";
    Say($"{e.GetType().Name,-28} {change,-48} key {e.IdempotencyKey[..24]}...");
}

Console.WriteLine();
Console.WriteLine("Tour complete.");
return 0;

async Task<SignUpResult> SignUpAndConfirmAsync(SignUpRequest request)
{
    var signedUp = Expect(await users.SignUpAsync(request));
    Expect(await users.ConfirmEmailAsync(FolderActivationSender.Read(outbox, signedUp.User.Email).Token));
    return signedUp;
}

// The host's wiring: TeamAccess on an embedded SQLite file, created on first run, with the sample's clock, mailer and
// SSO provider. (A real host also sets options.Sessions.SigningKeys, shared by its instances.)
static async Task<ServiceProvider> StartAsync(string database, TimeProvider clock, string outbox, TourIdentityProvider idp)
{
    var services = new ServiceCollection();
    services.AddSingleton(clock);
    services.AddSingleton<IInvitationSender>(new FolderInvitationSender(outbox));
    services.AddSingleton<IEmailConfirmationSender>(new FolderActivationSender(outbox));
    services.AddSingleton<TourEventLog>();
    services.AddSingleton<ITeamProviderBinding>(idp);
    services.AddTeamAccess(options =>
        {
            options.Roles.UsePreset(RolePresets.OwnerAdministratorMemberObserver);
            options.Permissions.Add("devices.read", "devices.write");
        })
        .AddOidcProvider(TourIdentityProvider.Name, idp.Configure)
        .AddEventHandler<TourEventHandler>()
        .AddEntityFrameworkStores(db => db.UseSqlite($"Data Source={database}"));
    var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    await provider.MigrateTeamAccessDatabaseAsync();
    await provider.WarmUpTeamAccessAsync();
    return provider;
}

static void Step(string title)
{
    Console.WriteLine();
    Console.WriteLine(title);
}

static void Say(string line) => Console.WriteLine("   " + line);

static void ExpectSuccess(Result result)
{
    if (!result.Succeeded)
    {
        throw new InvalidOperationException($"The tour expected success: {result}");
    }
}

static T Expect<T>(Result<T> result) =>
    result.TryGetValue(out var value) ? value : throw new InvalidOperationException($"The tour expected success: {result}");
