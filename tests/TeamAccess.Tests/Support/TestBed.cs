using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TeamAccess.Accounts;
using TeamAccess.Audit;
using TeamAccess.Grants;
using TeamAccess.Groups;
using TeamAccess.Invitations;
using TeamAccess.Members;
using TeamAccess.Ownership;
using TeamAccess.Specification.Tests;
using TeamAccess.TeamRoles;
using TeamAccess.Teams;

namespace TeamAccess.Tests;

/// <summary>A TeamAccess wired as a host would wire it, on the in-memory store, with a clock the test controls.</summary>
internal sealed class TestBed : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;
    private int _people;

    private TestBed(Action<TeamAccessOptions>? configure, InMemoryTeamAccessStore? store, FakeTimeProvider? time, Action<string, OidcProviderOptions>? providers = null, Action<IServiceCollection>? host = null)
    {
        Time = time ?? new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        Acme = new TestIdentityProvider("acme-sso", "https://sso.acme.example", Time);
        Globex = new TestIdentityProvider("globex-id", "https://id.globex.example", Time);
        Host = new TestIdentityProvider("host-id", "https://id.host.example", Time, TestIdentityProvider.SharedKey);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IInvitationSender>(Outbox);
        services.AddSingleton<IEmailConfirmationSender>(Activations);
        services.AddSingleton<IPasswordResetSender>(ResetOutbox);
        if (store is not null)
        {
            services.AddSingleton(store);
        }

        services.AddSingleton<ITeamProviderBinding>(EveryTeamBinding.Instance);
        services.AddSingleton<ISecretProtector>(SecretKey);
        host?.Invoke(services);
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddTeamAccess(options =>
            {
                options.Permissions.Add("devices.read", "devices.write");
                configure?.Invoke(options);
            })
            .AddInMemoryStores()
            .AddOidcProvider(Acme.Name, o => Configure(Acme, o, IdentityProviderScope.TeamBound, "acme.example", providers))
            .AddOidcProvider(Globex.Name, o => Configure(Globex, o, IdentityProviderScope.Global, "globex.example", providers))
            .AddOidcProvider(Host.Name, o => Configure(Host, o, IdentityProviderScope.Global, "example.com", providers));
        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _root.CreateAsyncScope();
    }

    /// <summary>The host key every bed (and its siblings) protects authenticator secrets with, as instances of one host share it.</summary>
    public static KeyedSecretProtector SecretKey { get; } = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public FakeTimeProvider Time { get; }

    /// <summary>A team SSO provider registered as <c>acme-sso</c> (team-bound, authoritative for <c>acme.example</c>), whose tokens the test mints.</summary>
    public TestIdentityProvider Acme { get; }

    /// <summary>A second provider, registered as <c>globex-id</c>: global, authoritative for <c>globex.example</c> only.</summary>
    public TestIdentityProvider Globex { get; }

    /// <summary>The host's own provider, registered as <c>host-id</c>: global, authoritative for <c>example.com</c>.</summary>
    public TestIdentityProvider Host { get; }

    public ISessionService Sessions => Services.GetRequiredService<ISessionService>();

    public ISecondFactorService SecondFactors => Services.GetRequiredService<ISecondFactorService>();

    public IPasskeyService Passkeys => Services.GetRequiredService<IPasskeyService>();

    public IServiceProvider Services => _scope.ServiceProvider;

    /// <summary>Every invitation message the library handed to the sender.</summary>
    public InvitationOutbox Outbox { get; } = new();

    /// <summary>Every activation message the library handed to the sender.</summary>
    public ActivationOutbox Activations { get; } = new();
    /// <summary>Every password reset message the library handed to the sender.</summary>
    public PasswordResetOutbox ResetOutbox { get; } = new();

    /// <summary>Every log line written, to prove no secret is ever logged.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    public IInvitationService Invitations => Services.GetRequiredService<IInvitationService>();

    public IUserService Users => Services.GetRequiredService<IUserService>();

    public ITeamService Teams => Services.GetRequiredService<ITeamService>();

    public IMemberService Members => Services.GetRequiredService<IMemberService>();

    public IOwnershipService Ownership => Services.GetRequiredService<IOwnershipService>();

    public IGroupService Groups => Services.GetRequiredService<IGroupService>();

    public IGrantService Grants => Services.GetRequiredService<IGrantService>();

    public ITeamRoleService TeamRoles => Services.GetRequiredService<ITeamRoleService>();

    public IAuditLog Audit => Services.GetRequiredService<IAuditLog>();

    public IAccessChecker Access => Services.GetRequiredService<IAccessChecker>();

    public IAccessQueries Queries => Services.GetRequiredService<IAccessQueries>();

    public RoleCatalog Roles => Services.GetRequiredService<RoleCatalog>();

    public InMemoryTeamAccessStore Store => Services.GetRequiredService<InMemoryTeamAccessStore>();

    public static TestBed Create(Action<TeamAccessOptions>? configure = null) => new(configure, null, null);

    /// <summary>A bed with services of the host's own, registered before TeamAccess's (which only add what is missing).</summary>
    public static TestBed WithServices(Action<IServiceCollection> host) => new(null, null, null, null, host);

    /// <summary>A bed whose providers the test configures further, by name, after the bed's own settings.</summary>
    public static TestBed Create(Action<TeamAccessOptions>? configure, Action<string, OidcProviderOptions> providers) => new(configure, null, null, providers);

    /// <summary>A bed whose providers and services the test configures further (services after the bed's own).</summary>
    public static TestBed Create(Action<TeamAccessOptions>? configure, Action<string, OidcProviderOptions> providers, Action<IServiceCollection> host) => new(configure, null, null, providers, host);

    /// <summary>A second host on the same store and clock, as another instance (or a restarted one) would be.</summary>
    public TestBed Sibling(Action<TeamAccessOptions>? configure = null) => new(configure, Store, Time);

    /// <summary>Makes a team require its SSO provider, through the service as a guardian would.</summary>
    public async Task RequireSsoAsync(SignUpResult owner, string provider, string? verifiedDomain = null, string? justInTimeRole = null)
    {
        var policy = new TeamSignInPolicy(true, provider) { VerifiedDomain = verifiedDomain, JustInTimeRole = justInTimeRole };
        var set = await Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, policy);
        Assert.True(set.Succeeded, set.ToString());
    }

    /// <summary>
    /// Signs a new person up, with a team of their own, through the host's provider (which proves example.com addresses):
    /// a confirmed user without a password, and no password hashing to slow the tests down.
    /// </summary>
    public async Task<SignUpResult> SignUpAsync(string? name = null)
    {
        var n = Interlocked.Increment(ref _people);
        name ??= $"person{n}";
        var result = await Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(Host.Name, Host.Mint($"host-{name}", $"{name}@example.com"), name, "Tester", $"{name}'s team", $"{name}-team"));
        Assert.True(result.Succeeded, result.ToString());
        return result.Value!;
    }

    /// <summary>Signs a new person up with a password, and confirms the address with the activation link, as the person would.</summary>
    public async Task<SignUpResult> SignUpWithPasswordAsync(string name, string password)
    {
        var result = await Users.SignUpAsync(new SignUpRequest($"{name}@example.com", name, "Tester", $"{name}'s team", $"{name}-team") { Password = password });
        Assert.True(result.Succeeded, result.ToString());
        var confirmed = await Users.ConfirmEmailAsync(Activations.LastTo(result.Value!.User.Email).Token);
        Assert.True(confirmed.Succeeded, confirmed.ToString());
        return new SignUpResult(confirmed.Value!, result.Value.Team, result.Value.Membership);
    }

    /// <summary>A team whose owner has added one member in each of the given roles.</summary>
    public async Task<Crew> CrewAsync(params string[] roles)
    {
        var owner = await SignUpAsync();
        var members = new List<(User User, Membership Membership)>();
        foreach (var role in roles)
        {
            var person = await SignUpAsync();
            var added = await Members.AddAsHostAsync(owner.Team.Id, person.User.Id, role);
            Assert.True(added.Succeeded, added.ToString());
            members.Add((person.User, added.Value!));
        }

        return new Crew(owner, members);
    }

    private static void Configure(TestIdentityProvider provider, OidcProviderOptions options, IdentityProviderScope scope, string domain, Action<string, OidcProviderOptions>? more)
    {
        provider.Configure(options);
        options.Scope = scope;
        options.AuthoritativeDomains.Add(domain);
        more?.Invoke(provider.Name, options);
    }

    public async Task<TeamSnapshot> SnapshotAsync(TeamId teamId) =>
        (await Store.LoadAsync(teamId, CancellationToken.None))!;

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}

/// <summary>A team, its owner, and the members added to it in order.</summary>
internal sealed record Crew(SignUpResult Owner, IReadOnlyList<(User User, Membership Membership)> Members)
{
    public TeamId TeamId => Owner.Team.Id;

    public UserId OwnerId => Owner.User.Id;

    public UserId this[int index] => Members[index].User.Id;

    public MembershipId MembershipOf(int index) => Members[index].Membership.Id;
}

/// <summary>Records every formatted log line and exception text.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<EventId> _events = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>The event ids of the recorded entries, in order.</summary>
    public IReadOnlyList<EventId> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner._events.Enqueue(eventId);
            owner._lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
