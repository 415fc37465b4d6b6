using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamAccess.Accounts;
using TeamAccess.Grants;
using TeamAccess.Groups;
using TeamAccess.Hosting;
using TeamAccess.Invitations;
using TeamAccess.Members;
using TeamAccess.Teams;

namespace TeamAccess.Specification.Tests;

/// <summary>
/// A TeamAccess host wired as a real one would be, on one store, with a clock the test controls. Each
/// <see cref="Scope"/> is a separate unit of work (its own services and, on EF Core, its own contexts and connections),
/// as two requests of a web host would be.
/// </summary>
public sealed class StoreBed : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;
    private readonly Func<ValueTask> _dispose;
    private int _people;

    /// <summary>What the test running in this flow adds to the next bed's services after the store (e.g. a decorator).</summary>
    internal static readonly AsyncLocal<Action<IServiceCollection>?> Extra = new();

    private StoreBed(ServiceProvider root, FakeTimeProvider time, TestIdentityProvider host, Func<ValueTask> dispose)
    {
        _root = root;
        _scope = root.CreateAsyncScope();
        _dispose = dispose;
        Time = time;
        Host = host;
    }

    /// <summary>Gets the host's clock, which only the test moves.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>Gets the host's own provider, registered as <c>host-id</c>: global, authoritative for <c>example.com</c>.</summary>
    public TestIdentityProvider Host { get; }

    /// <summary>Gets every activation message handed to the sender, in the order sent.</summary>
    public ActivationOutbox Activations { get; private init; } = new();

    /// <summary>Gets every invitation message handed to the sender, in the order sent.</summary>
    public InvitationOutbox Outbox { get; private init; } = new();

    /// <summary>Gets every password reset message handed to the sender, in the order sent.</summary>
    public PasswordResetOutbox Resets { get; private init; } = new();

    /// <summary>Gets the invitation service of the bed's own unit of work.</summary>
    public IInvitationService Invitations => Services.GetRequiredService<IInvitationService>();

    /// <summary>Gets the session service of the bed's own unit of work.</summary>
    public ISessionService Sessions => Services.GetRequiredService<ISessionService>();

    /// <summary>Gets the second-factor service of the bed's own unit of work (authenticator secrets protected by a key of the bed's).</summary>
    public ISecondFactorService SecondFactors => Services.GetRequiredService<ISecondFactorService>();

    /// <summary>Gets the passkey service of the bed's own unit of work (relying party <c>example.com</c>, origin <see cref="PasskeyOrigin"/>; net10.0 only).</summary>
    public IPasskeyService Passkeys => Services.GetRequiredService<IPasskeyService>();

    /// <summary>Gets the origin the bed's passkey ceremonies accept.</summary>
    public static string PasskeyOrigin => "https://app.example.com";

    /// <summary>Gets the services of the bed's own unit of work (see <see cref="Scope"/> for another).</summary>
    public IServiceProvider Services => _scope.ServiceProvider;

    /// <summary>Gets the user service of the bed's own unit of work.</summary>
    public IUserService Users => Services.GetRequiredService<IUserService>();

    /// <summary>Gets the member service of the bed's own unit of work.</summary>
    public IMemberService Members => Services.GetRequiredService<IMemberService>();

    /// <summary>Gets the group service of the bed's own unit of work.</summary>
    public IGroupService Groups => Services.GetRequiredService<IGroupService>();

    /// <summary>Gets the grant service of the bed's own unit of work.</summary>
    public IGrantService Grants => Services.GetRequiredService<IGrantService>();

    /// <summary>Gets the team service of the bed's own unit of work.</summary>
    public ITeamService Teams => Services.GetRequiredService<ITeamService>();

    /// <summary>Gets the host's role catalog.</summary>
    public RoleCatalog Roles => Services.GetRequiredService<RoleCatalog>();

    /// <summary>Gets the store under test, as the user store.</summary>
    public IUserStore UserStore => Services.GetRequiredService<IUserStore>();

    /// <summary>Gets the store under test, as the team store.</summary>
    public ITeamStore TeamStore => Services.GetRequiredService<ITeamStore>();

    /// <summary>Gets the store under test, as the audit store.</summary>
    public IAuditStore AuditStore => Services.GetRequiredService<IAuditStore>();

    /// <summary>Gets the store under test, as the change store.</summary>
    public IChangeStore ChangeStore => Services.GetRequiredService<IChangeStore>();

    /// <summary>
    /// Builds a host with the permissions <c>devices.read</c> and <c>devices.write</c>, mail kept in outboxes and the
    /// host's own identity provider (<see cref="Host"/>), then warms TeamAccess up.
    /// </summary>
    /// <param name="storage">Chooses the store on the builder, e.g. <c>b =&gt; b.AddInMemoryStores()</c>.</param>
    /// <param name="dispose">Runs after the host is disposed, e.g. to drop the test's database.</param>
    /// <param name="initialize">Runs once the host is built, before the warm-up, e.g. to create a database's schema.</param>
    /// <returns>The bed.</returns>
    public static async Task<StoreBed> CreateAsync(Action<TeamAccessBuilder> storage, Func<ValueTask>? dispose = null, Func<IServiceProvider, Task>? initialize = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        var outbox = new InvitationOutbox();
        var activations = new ActivationOutbox();
        var resets = new PasswordResetOutbox();
        var host = new TestIdentityProvider("host-id", "https://id.host.example", time, TestIdentityProvider.SharedKey);
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IInvitationSender>(outbox);
        services.AddSingleton<IEmailConfirmationSender>(activations);
        services.AddSingleton<IPasswordResetSender>(resets);
        services.AddSingleton<ISecretProtector>(new KeyedSecretProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        storage(services.AddTeamAccess(options =>
            {
                options.Permissions.Add("devices.read", "devices.write");

                // The tests move the clock past expiries on purpose: no sweep closes them in between (the sweep's read is tested alone).
                options.Invitations.ExpirySweepInterval = Timeout.InfiniteTimeSpan;
#if NET10_0_OR_GREATER
                options.Passkeys.RelyingPartyId = "example.com";
                options.Passkeys.Origins.Add(PasskeyOrigin);
#endif
            })
            .AddOidcProvider(host.Name, o =>
            {
                host.Configure(o);
                o.Scope = IdentityProviderScope.Global;
                o.AuthoritativeDomains.Add("example.com");
            }));
        Extra.Value?.Invoke(services);
        var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        if (initialize is not null)
        {
            await initialize(root);
        }

        await root.WarmUpTeamAccessAsync();
        return new StoreBed(root, time, host, dispose ?? (() => ValueTask.CompletedTask)) { Outbox = outbox, Activations = activations, Resets = resets };
    }

    /// <summary>A new unit of work, as a new request would get.</summary>
    /// <returns>The scope; the caller disposes it.</returns>
    public AsyncServiceScope Scope() => _root.CreateAsyncScope();

    /// <summary>Signs a new person up, with a team of their own, through the host's provider (a confirmed user, no password hashing).</summary>
    /// <param name="name">The person's name, also the start of their address at example.com; <c>personN</c> when null.</param>
    /// <returns>The sign-up.</returns>
    public async Task<SignUpResult> SignUpAsync(string? name = null)
    {
        var n = Interlocked.Increment(ref _people);
        name ??= $"person{n}";
        var result = await Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(Host.Name, Host.Mint($"host-{name}", $"{name}@example.com"), name, "Tester", $"{name}'s team", $"{name}-team"));
        Assert.True(result.Succeeded, result.ToString());
        return result.Value!;
    }

    /// <summary>A team whose owner has added one member in each of the given roles.</summary>
    /// <param name="roles">The members' roles, one member each.</param>
    /// <returns>The owner's sign-up, and each member with their membership.</returns>
    public async Task<(SignUpResult Owner, IReadOnlyList<(User User, Membership Membership)> Members)> CrewAsync(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var owner = await SignUpAsync();
        var members = new List<(User, Membership)>();
        foreach (var role in roles)
        {
            var person = await SignUpAsync();
            var added = await Members.AddAsHostAsync(owner.Team.Id, person.User.Id, role);
            Assert.True(added.Succeeded, added.ToString());
            members.Add((person.User, added.Value!));
        }

        return (owner, members);
    }

    /// <summary>Loads a team that exists from the store.</summary>
    /// <param name="teamId">The team.</param>
    /// <returns>Its snapshot.</returns>
    public async Task<TeamSnapshot> SnapshotAsync(TeamId teamId) =>
        (await TeamStore.LoadAsync(teamId, CancellationToken.None))!;

    /// <summary>Reads a team's audit events from the store, in order.</summary>
    /// <param name="teamId">The team.</param>
    /// <returns>The events.</returns>
    public async Task<List<AuditEvent>> AuditAsync(TeamId teamId) =>
        await TeamAuditAsync(AuditStore, teamId);

    /// <summary>Reads a team's audit events from an audit store, in order.</summary>
    /// <param name="store">The store.</param>
    /// <param name="teamId">The team.</param>
    /// <returns>The events.</returns>
    public static async Task<List<AuditEvent>> TeamAuditAsync(IAuditStore store, TeamId teamId)
    {
        ArgumentNullException.ThrowIfNull(store);
        var events = new List<AuditEvent>();
        await foreach (var e in store.ListAsync(teamId, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>Disposes the host, then runs the bed's own clean-up.</summary>
    /// <returns>A task that completes when both are done.</returns>
    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
        await _dispose();
    }
}
