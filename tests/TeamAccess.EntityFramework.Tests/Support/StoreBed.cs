using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// A TeamAccess host wired as a real one would be, on one store, with a clock the test controls. Each
/// <see cref="Scope"/> is a separate unit of work (its own services and, on EF Core, its own contexts and connections),
/// as two requests of a web host would be.
/// </summary>
internal sealed class StoreBed : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;
    private readonly Func<ValueTask> _dispose;
    private int _people;

    private StoreBed(ServiceProvider root, FakeTimeProvider time, TestIdentityProvider host, Func<ValueTask> dispose)
    {
        _root = root;
        _scope = root.CreateAsyncScope();
        _dispose = dispose;
        Time = time;
        Host = host;
    }

    public FakeTimeProvider Time { get; }

    /// <summary>The host's own provider, registered as <c>host-id</c>: global, authoritative for <c>example.com</c>.</summary>
    public TestIdentityProvider Host { get; }

    /// <summary>Every activation message handed to the sender, in the order sent.</summary>
    public ActivationOutbox Activations { get; private init; } = new();

    /// <summary>Every invitation message handed to the sender, in the order sent.</summary>
    public Outbox Outbox { get; private init; } = new();

    public IInvitationService Invitations => Services.GetRequiredService<IInvitationService>();

    public ISessionService Sessions => Services.GetRequiredService<ISessionService>();

    public IServiceProvider Services => _scope.ServiceProvider;

    public IUserService Users => Services.GetRequiredService<IUserService>();

    public IMemberService Members => Services.GetRequiredService<IMemberService>();

    public IGroupService Groups => Services.GetRequiredService<IGroupService>();

    public IGrantService Grants => Services.GetRequiredService<IGrantService>();

    public ITeamService Teams => Services.GetRequiredService<ITeamService>();

    public RoleCatalog Roles => Services.GetRequiredService<RoleCatalog>();

    public IUserStore UserStore => Services.GetRequiredService<IUserStore>();

    public ITeamStore TeamStore => Services.GetRequiredService<ITeamStore>();

    public IAuditStore AuditStore => Services.GetRequiredService<IAuditStore>();

    public IChangeStore ChangeStore => Services.GetRequiredService<IChangeStore>();

    /// <summary>Builds a host; <paramref name="storage"/> puts it on a store (nothing: the in-memory store).</summary>
    public static async Task<StoreBed> CreateAsync(Action<TeamAccessBuilder> storage, Func<ValueTask>? dispose = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        var outbox = new Outbox();
        var activations = new ActivationOutbox();
        var host = new TestIdentityProvider("host-id", "https://id.host.example", time, TestIdentityProvider.SharedKey);
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IInvitationSender>(outbox);
        services.AddSingleton<IEmailConfirmationSender>(activations);
        services.AddSingleton<IPasswordResetSender>(outbox);
        storage(services.AddTeamAccess(options => options.Permissions.Add("devices.read", "devices.write"))
            .AddOidcProvider(host.Name, o =>
            {
                host.Configure(o);
                o.Scope = IdentityProviderScope.Global;
                o.AuthoritativeDomains.Add("example.com");
            }));
        var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        if (root.GetService<ITeamAccessDatabase>() is not null)
        {
            await root.MigrateTeamAccessDatabaseAsync();
        }

        await root.WarmUpTeamAccessAsync();
        return new StoreBed(root, time, host, dispose ?? (() => ValueTask.CompletedTask)) { Outbox = outbox, Activations = activations };
    }

    /// <summary>A new unit of work, as a new request would get.</summary>
    public AsyncServiceScope Scope() => _root.CreateAsyncScope();

    /// <summary>Signs a new person up, with a team of their own, through the host's provider (a confirmed user, no password hashing).</summary>
    public async Task<SignUpResult> SignUpAsync(string? name = null)
    {
        var n = Interlocked.Increment(ref _people);
        name ??= $"person{n}";
        var result = await Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(Host.Name, Host.Mint($"host-{name}", $"{name}@example.com"), name, "Tester", $"{name}'s team", $"{name}-team"));
        Assert.True(result.Succeeded, result.ToString());
        return result.Value!;
    }

    /// <summary>A team whose owner has added one member in each of the given roles.</summary>
    public async Task<(SignUpResult Owner, IReadOnlyList<(User User, Membership Membership)> Members)> CrewAsync(params string[] roles)
    {
        var owner = await SignUpAsync();
        var members = new List<(User, Membership)>();
        foreach (var role in roles)
        {
            var person = await SignUpAsync();
            var added = await Members.AddAsync(owner.User.Id, owner.Team.Id, person.User.Id, role);
            Assert.True(added.Succeeded, added.ToString());
            members.Add((person.User, added.Value!));
        }

        return (owner, members);
    }

    public async Task<TeamSnapshot> SnapshotAsync(TeamId teamId) =>
        (await TeamStore.LoadAsync(teamId, CancellationToken.None))!;

    public async Task<List<AuditEvent>> AuditAsync(TeamId teamId) =>
        await TeamAuditAsync(AuditStore, teamId);

    public static async Task<List<AuditEvent>> TeamAuditAsync(IAuditStore store, TeamId teamId)
    {
        var events = new List<AuditEvent>();
        await foreach (var e in store.ListAsync(teamId, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
        await _dispose();
    }
}

/// <summary>Keeps the activation messages instead of mailing them.</summary>
internal sealed class ActivationOutbox : IEmailConfirmationSender
{
    private readonly ConcurrentQueue<EmailConfirmationMessage> _sent = new();

    public IReadOnlyList<EmailConfirmationMessage> Sent => [.. _sent];

    public ValueTask SendAsync(EmailConfirmationMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Keeps the invitation messages instead of mailing them.</summary>
internal sealed class Outbox : IInvitationSender, IPasswordResetSender
{
    private readonly ConcurrentQueue<InvitationMessage> _sent = new();
    private readonly ConcurrentQueue<PasswordResetMessage> _resets = new();

    /// <summary>Every password reset message handed to the sender, in the order sent.</summary>
    public IReadOnlyList<PasswordResetMessage> Resets => [.. _resets];

    public ValueTask SendAsync(PasswordResetMessage message, CancellationToken cancellationToken)
    {
        _resets.Enqueue(message);
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<InvitationMessage> Sent => [.. _sent];

    public ValueTask SendAsync(InvitationMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return ValueTask.CompletedTask;
    }
}
