using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;
using TeamAccess.Index;
using TeamAccess.Members;

namespace TeamAccess.Tests;

/// <summary>
/// Security review 3, M1: an instance that cannot read the change feed past its staleness bound must not keep vouching
/// for sessions that were signed out, reset or removed on another instance meanwhile.
/// </summary>
public sealed class StaleSessionTests
{
    private const string Password = "correct horse battery staple";
    private static readonly SecurityKey SharedKey = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ValidateAsync_FeedUnreadablePastTheBound_NeverVouchesForASessionEndedElsewhere(bool failClosed)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var store = new InMemoryTeamAccessStore();
        var feed = new BreakableFeed(store.Feed());
        await using var a = await HostAsync(store, time, failClosed, feed: null);
        await using var b = await HostAsync(store, time, failClosed, feed);
        var ada = await SignUpAsync(a, "ada");
        var bob = await SignUpAsync(a, "bob");
        var added = await a.GetRequiredService<IMemberService>().AddAsHostAsync(ada.Team.Id, bob.User.Id, RolePresets.Administrator);
        Assert.True(added.Succeeded, added.ToString());
        var adaSession = await SignInAsync(a, "ada", ada.Team.Id);
        var bobSession = await SignInAsync(a, "bob", ada.Team.Id);
        var bSessions = b.GetRequiredService<ISessionService>();
        for (var i = 0; i < 3; i++)
        {
            // B vouches for both and keeps what it read (the index, the session state cache).
            Assert.True((await bSessions.ValidateAsync(adaSession.AccessToken, ada.Team.Id)).Succeeded);
            Assert.True((await bSessions.ValidateAsync(bobSession.AccessToken, ada.Team.Id)).Succeeded);
        }

        feed.Broken = true;
        Assert.True((await a.GetRequiredService<ISessionService>().SignOutAsync(adaSession.AccessToken)).Succeeded);
        Assert.True((await a.GetRequiredService<IMemberService>().RemoveAsync(ada.User.Id, ada.Team.Id, added.Value!.Id)).Succeeded);
        var fresh = await SignInAsync(a, "ada", ada.Team.Id);
        time.Advance(TimeSpan.FromSeconds(3));
        var engine = b.GetRequiredService<AccessEngine>();
        if (failClosed)
        {
            await WaitAsync(() => engine.Refusing);
        }

        var expected = failClosed ? TeamAccessErrorCode.IndexStale : TeamAccessErrorCode.SessionRevoked;
        Assert.Equal(expected, (await bSessions.ValidateAsync(adaSession.AccessToken, ada.Team.Id)).Code);
        Assert.Equal(expected, (await bSessions.ValidateAsync(bobSession.AccessToken, ada.Team.Id)).Code);
        var freshOnB = await bSessions.ValidateAsync(fresh.AccessToken, ada.Team.Id);
        Assert.Equal(failClosed ? TeamAccessErrorCode.IndexStale : TeamAccessErrorCode.None, freshOnB.Code);

        // Once B reads the feed again, it answers from its index, which has caught up with everything it missed.
        feed.Broken = false;
        var follower = b.GetRequiredService<ChangeFeedFollower>();
        var reads = follower.CompletedReads;
        time.Advance(TimeSpan.FromSeconds(1));
        await WaitAsync(() => follower.CompletedReads > reads && !engine.Refusing);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bSessions.ValidateAsync(adaSession.AccessToken, ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bSessions.ValidateAsync(bobSession.AccessToken, ada.Team.Id)).Code);
        Assert.True((await bSessions.ValidateAsync(fresh.AccessToken, ada.Team.Id)).Succeeded);
        Assert.False(b.GetRequiredService<IAccessChecker>().HasPermission(bob.User.Id, ada.Team.Id, Permissions.MembersRead));
    }

    private static async Task<ServiceProvider> HostAsync(InMemoryTeamAccessStore store, FakeTimeProvider time, bool failClosed, IChangeFeed? feed)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(store);
        if (feed is not null)
        {
            services.AddSingleton(feed);
        }

        services.AddTeamAccess(o =>
            {
                o.ChangeFeed.FailClosedWhenStale = failClosed;
                o.EmailConfirmation.RequiredForPasswordSignIn = false;
                o.Sessions.SigningKeys.Add(SharedKey);
            })
            .AddInMemoryStores();
        var provider = services.BuildServiceProvider();
        await provider.WarmUpTeamAccessAsync();
        return provider;
    }

    private static async Task<SignUpResult> SignUpAsync(IServiceProvider host, string name)
    {
        var signedUp = await host.GetRequiredService<IUserService>().SignUpAsync(new SignUpRequest($"{name}@example.com", name, "Tester", $"{name}'s team", $"{name}-team") { Password = Password });
        Assert.True(signedUp.Succeeded, signedUp.ToString());
        return signedUp.Value!;
    }

    private static async Task<Session> SignInAsync(IServiceProvider host, string name, TeamId teamId)
    {
        var session = await host.GetRequiredService<ISessionService>().SignInAsync(SignInCredential.ForPassword($"{name}@example.com", Password), teamId);
        Assert.True(session.Succeeded, session.ToString());
        return session.Value!;
    }

    // A wait for something the follower's own loop does; the bound only stops a hang, it is no timing assumption.
    private static async Task WaitAsync(Func<bool> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition() && TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
