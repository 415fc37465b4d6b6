using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>The JWKS loader: its own time-out, failures that keep the held keys and back off, and a scheduled refresh.</summary>
public sealed class JwksLoaderTests
{
    [Fact]
    public async Task Validate_LoaderThrowsTaskCanceledNotCausedByTheCaller_KeepsTheHeldKeysAndBacksOff()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var acme = new TestIdentityProvider("acme-sso", "https://sso.acme.example", time);
        var loader = new ScriptedLoader(acme);
        using var provider = Build(acme, time, loader);
        Assert.True((await provider.ValidateAsync(acme.Mint("a-1"), null, CancellationToken.None)).Succeeded);
        var oldKey = acme.Key;
        acme.RotateKey();
        loader.Fail = () => throw new TaskCanceledException("The HTTP request timed out.");

        time.Advance(TimeSpan.FromMinutes(6));
        var rotated = await provider.ValidateAsync(acme.Mint("a-1"), null, CancellationToken.None);

        Assert.Equal(TeamAccessErrorCode.InvalidToken, rotated.Code);
        Assert.Equal(2, loader.Calls);
        Assert.True((await provider.ValidateAsync(MintWith(acme, oldKey), null, CancellationToken.None)).Succeeded, "the held key is kept");
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await provider.ValidateAsync(acme.Mint("a-1"), null, CancellationToken.None)).Code);
        Assert.Equal(2, loader.Calls);

        loader.Fail = null;
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await provider.ValidateAsync(acme.Mint("a-1"), null, CancellationToken.None)).Succeeded);
        Assert.Equal(3, loader.Calls);
    }

    [Fact]
    public async Task Validate_LoaderThatNeverAnswers_TimesOutOnItsOwnAndCountsAsAFailure()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var acme = new TestIdentityProvider("acme-sso", "https://sso.acme.example", time);
        var hang = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loader = new ScriptedLoader(acme) { Hang = hang.Task };
        using var provider = Build(acme, time, loader, o => o.JsonWebKeySetLoadTimeout = TimeSpan.FromSeconds(3));

        var validating = provider.ValidateAsync(acme.Mint("a-1"), null, CancellationToken.None).AsTask();
        await loader.Called.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(validating.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3));
        var result = await validating.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(TeamAccessErrorCode.InvalidToken, result.Code);
        Assert.True(loader.LastToken.IsCancellationRequested, "the loader's token is cancelled at the time-out");
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await provider.ValidateAsync(acme.Mint("a-1"), null, CancellationToken.None)).Code);
        Assert.Equal(1, loader.Calls);
    }

    [Fact]
    public async Task Validate_CallerCancelsWhileTheLoaderHangs_ThrowsTheCallersCancellationAndLeavesNoBackOff()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var acme = new TestIdentityProvider("acme-sso", "https://sso.acme.example", time);
        var loader = new ScriptedLoader(acme) { Hang = new TaskCompletionSource<string>().Task };
        using var provider = Build(acme, time, loader);
        using var cancel = new CancellationTokenSource();

        var validating = provider.ValidateAsync(acme.Mint("a-1"), null, cancel.Token).AsTask();
        await loader.Called.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => validating.WaitAsync(TimeSpan.FromSeconds(60)));
        loader.Hang = null;
        Assert.True((await provider.ValidateAsync(acme.Mint("a-1"), null, CancellationToken.None)).Succeeded);
        Assert.Equal(2, loader.Calls);
    }

    [Fact]
    public async Task Validate_KeysOlderThanKeyMaxAge_AreFetchedAgainSoAWithdrawnKeyStopsBeingTrusted()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var acme = new TestIdentityProvider("acme-sso", "https://sso.acme.example", time);
        var loader = new ScriptedLoader(acme);
        using var provider = Build(acme, time, loader);
        Assert.True((await provider.ValidateAsync(acme.Mint("a-1"), null, CancellationToken.None)).Succeeded);
        var withdrawn = acme.Key;
        acme.RotateKey();

        time.Advance(TimeSpan.FromHours(11));
        Assert.True((await provider.ValidateAsync(MintWith(acme, withdrawn), null, CancellationToken.None)).Succeeded);
        Assert.Equal(1, loader.Calls);

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await provider.ValidateAsync(MintWith(acme, withdrawn), null, CancellationToken.None)).Code);
        Assert.Equal(2, loader.Calls);
        Assert.True((await provider.ValidateAsync(acme.Mint("a-1"), null, CancellationToken.None)).Succeeded);
        Assert.Equal(2, loader.Calls);
    }

    [Theory]
    [InlineData("KeyMaxAge")]
    [InlineData("JsonWebKeySetLoadTimeout")]
    [InlineData("KeyRefreshInterval")]
    public void Build_KeyTimingOutsideItsBounds_FailsAtStart(string option)
    {
        var time = new FakeTimeProvider();
        var acme = new TestIdentityProvider("acme-sso", "https://sso.acme.example", time);

        var error = Assert.Throws<InvalidOperationException>(() => Build(acme, time, new ScriptedLoader(acme), o =>
        {
            switch (option)
            {
                case "KeyMaxAge": o.KeyMaxAge = TimeSpan.FromDays(2); break;
                case "JsonWebKeySetLoadTimeout": o.JsonWebKeySetLoadTimeout = TimeSpan.Zero; break;
                default: o.KeyRefreshInterval = TimeSpan.Zero; break;
            }
        }));
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    private static OidcIdentityProvider Build(TestIdentityProvider acme, TimeProvider time, ScriptedLoader loader, Action<OidcProviderOptions>? tweak = null)
    {
        var options = new OidcProviderOptions();
        acme.Configure(options);
        options.JsonWebKeySetLoader = loader.LoadAsync;
        tweak?.Invoke(options);
        return new OidcIdentityProvider(acme.Name, options, time);
    }

    private static string MintWith(TestIdentityProvider acme, RsaSecurityKey key) =>
        acme.Mint("a-1", tweak: d => d.SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256));

    /// <summary>A JWKS endpoint the test scripts: it answers, throws, or never answers.</summary>
    private sealed class ScriptedLoader(TestIdentityProvider acme)
    {
        public int Calls { get; private set; }

        public Func<string>? Fail { get; set; }

        public Task<string>? Hang { get; set; }

        public CancellationToken LastToken { get; private set; }

        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<string> LoadAsync(CancellationToken cancellationToken)
        {
            Calls++;
            LastToken = cancellationToken;
            Called.TrySetResult();
            if (Hang is { } hang)
            {
                // Ignores its token, as a badly written loader would.
                return new ValueTask<string>(hang);
            }

            return ValueTask.FromResult(Fail is { } fail ? fail() : acme.Jwks());
        }
    }
}
