using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;
using TeamAccess.Hosting;
using TeamAccess.Index;
using TeamAccess.Invitations;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// One instance of a host app: its own service provider (its own permission index and change-feed follower) on a
/// store that other instances share, with the real clock so that the follower polls as in production.
/// </summary>
internal sealed class Host : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    /// <summary>
    /// How long a test waits on the real clock for what must happen (a follower's read, a notification) before calling
    /// it a hang: long enough for a machine whose cores are all busy, since it only bounds a hang and a passing test
    /// waits no longer than the thing takes.
    /// </summary>
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    /// <summary>Instances of one deployment share their session signing key.</summary>
    private static readonly SecurityKey SharedKey = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    private readonly ServiceProvider _services;

    private Host(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public IAccessChecker Access => _services.GetRequiredService<IAccessChecker>();

    public TeamAccessOptions Options => _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamAccessOptions>>().Value;

    internal AccessEngine Engine => _services.GetRequiredService<AccessEngine>();

    internal ChangeFeedFollower Follower => _services.GetRequiredService<ChangeFeedFollower>();

    public static async Task<Host> StartAsync(Action<TeamAccessBuilder> storage, Action<TeamAccessOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IInvitationSender>(new InvitationOutbox());

        // The test host binds its team-bound SSO provider to every team it makes.
        collection.AddSingleton<ITeamProviderBinding>(EveryTeamBinding.Instance);
        var sso = new TestIdentityProvider("corp-sso", "https://sso.corp.example", new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow));
        storage(collection.AddTeamAccess(options =>
        {
            options.Permissions.Add("devices.read", "devices.write");
            options.Sessions.SigningKeys.Add(SharedKey);

            // These instances test the feed, not activation: password users sign in unconfirmed.
            options.EmailConfirmation.RequiredForPasswordSignIn = false;

            // A test that wants the expiry sweep's loop turns it on; the others move clocks past expiries freely.
            options.Invitations.ExpirySweepInterval = Timeout.InfiniteTimeSpan;
            configure?.Invoke(options);
        }).AddOidcProvider(sso.Name, sso.Configure));

        // After the store's registrations, so that a test can replace one (the store's change-feed notifier, say).
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await provider.WarmUpTeamAccessAsync();
        return new Host(provider);
    }

    public async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public Task<T> Use<TService, T>(Func<TService, ValueTask<T>> use)
        where TService : notnull =>
        UseAsync(async sp => await use(sp.GetRequiredService<TService>()));

    public async Task<SignUpResult> SignUpAsync(string name)
    {
        var result = await Use<IUserService, Result<SignUpResult>>(users =>
            users.SignUpAsync(new SignUpRequest($"{name}@example.com", name, "Tester", $"{name}'s team", $"{name}-team") { Password = Password }));
        Assert.True(result.Succeeded, result.ToString());
        return result.Value!;
    }

    public async Task<Session> SignInAsync(string email, TeamId teamId)
    {
        var session = await Use<ISessionService, Result<Session>>(s => s.SignInAsync(SignInCredential.ForPassword(email, Password), teamId));
        Assert.True(session.Succeeded, session.ToString());
        return session.Value!;
    }

    public Task<Result<SessionInfo>> ValidateAsync(string token, TeamId teamId) =>
        Use<ISessionService, Result<SessionInfo>>(s => s.ValidateAsync(token, teamId));

    /// <summary>Waits until <paramref name="condition"/> holds; returns how long that took, or fails past <paramref name="limit"/>.</summary>
    public static async Task<TimeSpan> EventuallyAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < limit, $"{what}: not seen within {limit}");
            await Task.Delay(5);
        }

        return clock.Elapsed;
    }

    public static Task<TimeSpan> EventuallyAsync(Func<bool> condition, TimeSpan limit, string what) =>
        EventuallyAsync(() => Task.FromResult(condition()), limit, what);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
