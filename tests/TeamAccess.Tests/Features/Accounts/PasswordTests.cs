using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

public sealed class PasswordTests
{
    private static IOptions<TeamAccessOptions> Options(int iterations = PasswordOptions.MinimumIterations)
    {
        var options = new TeamAccessOptions();
        options.Passwords.Iterations = iterations;
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    [Fact]
    public void Verify_SamePasswordAfterNfkc_SucceedsAndAnotherFails()
    {
        var hasher = new PasswordHasher(Options());
        var hash = hasher.Hash("the \uFB01nest passphrase here");

        Assert.Equal(PasswordVerification.Succeeded, hasher.Verify(hash, "the finest passphrase here"));
        Assert.Equal(PasswordVerification.Failed, hasher.Verify(hash, "the finest passphrase herE"));
        Assert.NotEqual(hash, hasher.Hash("the finest passphrase here"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1.pbkdf2-sha512.210000")]
    [InlineData("v1.pbkdf2-sha512.-5.AAAA.AAAA")]
    [InlineData("v0.md5.1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Verify_MalformedStoredHash_NeverSucceeds(string stored) =>
        Assert.Equal(PasswordVerification.Failed, new PasswordHasher(Options()).Verify(stored, "whatever it is, it fails"));

    [Fact]
    public void Verify_HashMadeWithAnOlderWorkFactor_AsksForARehash()
    {
        var old = new PasswordHasher(Options()).Hash("a long passphrase nobody guesses");

        var verdict = new PasswordHasher(Options(PasswordOptions.MinimumIterations + 1)).Verify(old, "a long passphrase nobody guesses");

        Assert.Equal(PasswordVerification.SucceededRehashNeeded, verdict);
    }

    // Security review 3, L6: imported hashes between a quarter of the minimum work factor and four times the host's.
    [Theory]
    [InlineData(PasswordOptions.MinimumIterations, 1_000, false)]
    [InlineData(PasswordOptions.MinimumIterations, 10_000, false)]
    [InlineData(PasswordOptions.MinimumIterations, (PasswordOptions.MinimumIterations / 4) - 1, false)]
    [InlineData(PasswordOptions.MinimumIterations, PasswordOptions.MinimumIterations / 4, true)]
    [InlineData(PasswordOptions.MinimumIterations, 100_000, true)]
    [InlineData(PasswordOptions.MinimumIterations, 4 * PasswordOptions.MinimumIterations, true)]
    [InlineData(PasswordOptions.MinimumIterations, (4 * PasswordOptions.MinimumIterations) + 1, false)]
    [InlineData(PasswordOptions.MinimumIterations, 10_000_000, false)]
    [InlineData(600_000, (PasswordOptions.MinimumIterations / 4) - 1, false)]
    [InlineData(600_000, PasswordOptions.MinimumIterations / 4, true)]
    [InlineData(600_000, 2_400_000, true)]
    [InlineData(600_000, 2_400_001, false)]
    [InlineData(int.MaxValue, int.MaxValue, true)]
    public void IsImportable_IterationsOutsideAQuarterOfTheMinimumToFourTimesTheHostsCount_AreRefused(int hostIterations, int iterations, bool importable)
    {
        var hash = $"v1.pbkdf2-sha512.{iterations}.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        Assert.Equal(importable, PasswordHasher.IsImportable(hash, new PasswordOptions { Iterations = hostIterations }));
    }

    [Fact]
    public void Check_LengthsAtTheBoundsAndNoCompositionRules_FollowNist()
    {
        var policy = new PasswordPolicy(Options());

        Assert.Empty(policy.Check(new string('a', 15), "ada@example.com"));
        Assert.Empty(policy.Check(new string('a', 64), null));
        Assert.Equal([PasswordCriterion.TooShort], policy.Check(new string('a', 14), null));
        Assert.Equal([PasswordCriterion.TooLong], policy.Check(new string('a', 65), null));
        Assert.Equal([PasswordCriterion.SameAsEmail], policy.Check("ada.lovelace@example.com", "ada.lovelace@example.com"));
        Assert.Contains(PasswordCriterion.InvalidCharacters, policy.Check("abc\uD800defghijklmnopq", null));
    }

    [Fact]
    public async Task Start_WithAWorkFactorBelowOwasp_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddTeamAccess(o => o.Passwords.Iterations = 100_000).AddInMemoryStores();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TeamAccessOptions>>().Value);
        Assert.Contains("Passwords.Iterations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithInvitationLifetimeOutsideItsBounds_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddTeamAccess(o => o.Invitations.Lifetime = TimeSpan.FromDays(60)).AddInMemoryStores();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TeamAccessOptions>>().Value);
        Assert.Contains("Invitations.Lifetime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_PasswordTheHostsBreachCheckKnows_IsRefusedAsBreached()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IBreachedPasswordCheck>(new KnownBreaches("password1234567890"));
        services.AddTeamAccess().AddInMemoryStores();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserService>();

        var breached = await users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = "password1234567890" });
        var fine = await users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = "a long passphrase nobody guesses" });

        Assert.Equal(TeamAccessErrorCode.PasswordPolicy, breached.Code);
        Assert.Equal([nameof(PasswordCriterion.Breached)], breached.Error!.Details);
        Assert.True(fine.Succeeded, fine.ToString());
    }

    private sealed class KnownBreaches(params string[] breached) : IBreachedPasswordCheck
    {
        public ValueTask<bool> IsBreachedAsync(string password, CancellationToken cancellationToken) =>
            ValueTask.FromResult(breached.Contains(password, StringComparer.Ordinal));
    }
}
