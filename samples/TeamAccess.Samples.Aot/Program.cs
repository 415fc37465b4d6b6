using Microsoft.Extensions.DependencyInjection;
using TeamAccess;
using TeamAccess.Accounts;
using TeamAccess.Invitations;

// TeamAccess in a native AOT executable: the in-memory store, an owner who signs up, a person invited by mail (held in
// memory here), the person's acceptance, and a permission check. Each step prints "ok: ..." or "FAILED: ..."; the exit
// code is 0 only when every step succeeded (tests/TeamAccess.Tests/Aot/NativeAotPublishTests.cs runs the binary).
var outbox = new MemoryInvitationSender();
var services = new ServiceCollection();
services.AddSingleton<IInvitationSender>(outbox);
services.AddTeamAccess().AddInMemoryStores();
await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
await provider.WarmUpTeamAccessAsync();
await using var scope = provider.CreateAsyncScope();
var users = scope.ServiceProvider.GetRequiredService<IUserService>();
var invitations = scope.ServiceProvider.GetRequiredService<IInvitationService>();
var access = scope.ServiceProvider.GetRequiredService<IAccessChecker>();
var failures = 0;

var owner = await users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Berlin Plant", "berlin-plant") { Password = "ada's long passphrase" });
if (!Report("sign-up", owner, s => $"{s.User.Email} owns '{s.Team.Name}' as {s.Membership.Role}"))
{
    return 1;
}

var team = owner.Value!.Team.Id;
var invited = await invitations.InviteAsync(owner.Value.User.Id, team, InviteRequest.FromText("linus@example.com", RolePresets.Member));
Report("invite", invited, i => string.Join(", ", i.Outcomes.Select(o => $"{o.Address} {o.Kind}")));
var message = outbox.Sent.LastOrDefault(m => m.Email == "linus@example.com");
if (message is null)
{
    Console.WriteLine("FAILED: invitation message: none was sent");
    return 1;
}

Console.WriteLine($"ok: invitation message: to {message.Email} for '{message.TeamName}' as {message.Role}");
var accepted = await invitations.AcceptWithNewAccountAsync(InvitationKey.FromToken(message.Token), new NewAccount("Linus", "Torvalds", "a long passphrase nobody guesses"));
if (!Report("accept", accepted, a => $"{a.User.Email} is {a.Membership.Role}, {a.Membership.Status}"))
{
    return 1;
}

var mayRead = access.HasPermission(accepted.Value!.User.Id, team, Permissions.MembersRead);
var mayDelete = access.HasPermission(accepted.Value.User.Id, team, Permissions.TeamDelete);
Check("permission", mayRead && !mayDelete, $"members.read {mayRead}, team.delete {mayDelete}");

Console.WriteLine(failures == 0 ? "All steps succeeded." : $"{failures} step(s) failed.");
return failures == 0 ? 0 : 1;

bool Report<T>(string step, Result<T> result, Func<T, string> describe)
{
    var ok = result.TryGetValue(out var value);
    Check(step, ok, ok ? describe(value!) : result.ToString() ?? "no value");
    return ok;
}

void Check(string step, bool ok, string detail)
{
    failures += ok ? 0 : 1;
    Console.WriteLine($"{(ok ? "ok" : "FAILED")}: {step}: {detail}");
}

/// <summary>The sample's mail: invitation messages kept in memory, read back as the invitee would open their mail.</summary>
internal sealed class MemoryInvitationSender : IInvitationSender
{
    private readonly List<InvitationMessage> _sent = [];

    public IReadOnlyList<InvitationMessage> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public ValueTask SendAsync(InvitationMessage message, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.Add(message);
        }

        return ValueTask.CompletedTask;
    }
}
