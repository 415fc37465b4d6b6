using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;
using OtpNet;
using TeamAccess.Accounts;
using TeamAccess.EntityFramework.Tests;

namespace TeamAccess.Benchmarks;

/// <summary>
/// Issue 24: a sign-in with a password and an authenticator code, end to end on the EF Core store (SQLite and
/// PostgreSQL), beside ASP.NET Core Identity's <see cref="SignInManager{TUser}"/> on the same database in the same run:
/// <c>PasswordSignInAsync</c> (which answers RequiresTwoFactor and sets the two-factor cookie) then
/// <c>TwoFactorAuthenticatorSignInAsync</c> in a second request carrying that cookie. Each step runs in its own scope, as
/// two requests would.
/// <para>
/// Both sides hash with PBKDF2-HMAC-SHA512 at the same <see cref="Iterations"/> (TeamAccess's minimum, the default of
/// <c>PasswordOptions.Iterations</c>; Identity's <c>PasswordHasherOptions.IterationCount</c> raised from its 100,000 to
/// match), so the password costs the same on both sides and the rows differ by what each does around it.
/// </para>
/// <para>
/// A TeamAccess code works once (its time step is spent in the write that accepts it), so TeamAccess's clock moves 30
/// seconds before each sign-in and the code is made for that step (Otp.NET, in the row on both sides). Identity does not
/// refuse a replayed code; its code is made from the wall clock its token provider reads. Identity accepts two steps
/// either side, TeamAccess one.
/// </para>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TwoFactorSignInBenchmarks
{
    /// <summary>PBKDF2-HMAC-SHA512 iterations on both sides.</summary>
    public const int Iterations = PasswordOptions.MinimumIterations;

    private const string Password = "correct horse battery staple";
    private const string TeamAccessEmail = "ada@example.com";
    private const string PeerEmail = "peer@example.com";

    private readonly SteppingClock _clock = new(DateTimeOffset.UtcNow.AddDays(-1));
    private ServiceProvider _provider = null!;
    private Func<ValueTask> _drop = null!;
    private TeamId _team;
    private Totp _teamAccessTotp = null!;
    private Totp _peerTotp = null!;

    [Params("SQLite", "PostgreSQL")]
    public string Database { get; set; } = "SQLite";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var (configure, drop) = await BenchDatabase.CreateAsync(Database, "teamaccess-signin-");
        _drop = drop;
        await BenchDatabase.MigrateAndSeedAsync(configure, new SeedShape(Teams: 1, MembersPerTeam: 2));
        _provider = await BenchDatabase.BuildWithIdentityPeerAsync(configure, services =>
        {
            services.AddLogging();
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton<ISecretProtector>(new KeyedSecretProtector(RandomNumberGenerator.GetBytes(32)));
            services.Configure<TeamAccessOptions>(o =>
            {
                o.Sessions.SigningKeys.Add(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)));
                o.EmailConfirmation.RequiredForPasswordSignIn = false;
                o.Passwords.Iterations = Iterations;
            });

            // The peer's sign-in: SignInManager, the authenticator token provider, and Identity's cookies (two-factor
            // user id between the two requests, application cookie at the end), protected by an ephemeral key ring.
            services.AddDataProtection().UseEphemeralDataProtectionProvider();
            services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
            new IdentityBuilder(typeof(IdentityUser), typeof(IdentityRole), services)
                .AddSignInManager()
                .AddTokenProvider<AuthenticatorTokenProvider<IdentityUser>>(TokenOptions.DefaultAuthenticatorProvider);
            // The same password on both sides: Identity's default validators want a digit and an upper-case letter.
            services.Configure<IdentityOptions>(o =>
            {
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
            });
            services.Configure<PasswordHasherOptions>(o =>
            {
                o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
                o.IterationCount = Iterations;
            });
        });
        await _provider.WarmUpTeamAccessAsync();

        // TeamAccess: a user with a password and a confirmed authenticator.
        await using (var scope = _provider.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var signedUp = await services.GetRequiredService<IUserService>()
                .SignUpAsync(new SignUpRequest(TeamAccessEmail, "Ada", "Lovelace", "Acme", "acme-signin") { Password = Password });
            _team = signedUp.Value?.Team.Id ?? throw new InvalidOperationException(signedUp.ToString());
            var session = (await services.GetRequiredService<ISessionService>().SignInAsync(SignInCredential.ForPassword(TeamAccessEmail, Password), _team)).Value!;
            var factors = services.GetRequiredService<ISecondFactorService>();
            var enrolment = (await factors.BeginEnrolmentAsync(session.AccessToken)).Value!;
            _teamAccessTotp = new Totp(Base32Encoding.ToBytes(enrolment.Secret));
            var confirmed = await factors.ConfirmEnrolmentAsync(session.AccessToken, _teamAccessTotp.ComputeTotp(_clock.GetUtcNow().UtcDateTime));
            if (!confirmed.Succeeded)
            {
                throw new InvalidOperationException(confirmed.ToString());
            }
        }

        // Identity: the same, through UserManager.
        await using (var scope = _provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser(PeerEmail) { Email = PeerEmail, EmailConfirmed = true };
            Require(await users.CreateAsync(user, Password));
            Require(await users.ResetAuthenticatorKeyAsync(user));
            _peerTotp = new Totp(Base32Encoding.ToBytes(await users.GetAuthenticatorKeyAsync(user)));
            Require(await users.SetTwoFactorEnabledAsync(user, true));
        }

        await TeamAccess_PasswordAndTotp();
        await Identity_PasswordAndTotp();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _provider.DisposeAsync();
        await _drop();
    }

    [Benchmark(Baseline = true, Description = "Identity peer: SignInManager.PasswordSignInAsync + TwoFactorAuthenticatorSignInAsync")]
    public async Task<Microsoft.AspNetCore.Identity.SignInResult> Identity_PasswordAndTotp()
    {
        string cookies;
        await using (var scope = _provider.CreateAsyncScope())
        {
            var first = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>();
            signIn.Context = first;
            var password = await signIn.PasswordSignInAsync(PeerEmail, Password, isPersistent: false, lockoutOnFailure: true);
            if (!password.RequiresTwoFactor)
            {
                throw new InvalidOperationException($"The peer's password step answered {password}.");
            }

            cookies = string.Join("; ", SetCookieHeaderValue.ParseList(first.Response.Headers.SetCookie).Select(c => $"{c.Name}={c.Value}"));
        }

        await using (var scope = _provider.CreateAsyncScope())
        {
            var second = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            second.Request.Headers.Cookie = cookies;
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>();
            signIn.Context = second;
            var done = await signIn.TwoFactorAuthenticatorSignInAsync(_peerTotp.ComputeTotp(DateTime.UtcNow), isPersistent: false, rememberClient: false);
            return done.Succeeded ? done : throw new InvalidOperationException($"The peer's code step answered {done}.");
        }
    }

    [Benchmark(Description = "TeamAccess: ISecondFactorService.SignInAsync (password) + CompleteSignInAsync (code)")]
    public async Task<Session> TeamAccess_PasswordAndTotp()
    {
        _clock.Advance(TimeSpan.FromSeconds(30));
        string ticket;
        await using (var scope = _provider.CreateAsyncScope())
        {
            var step = await scope.ServiceProvider.GetRequiredService<ISecondFactorService>().SignInAsync(SignInCredential.ForPassword(TeamAccessEmail, Password), _team);
            ticket = step.Value?.Ticket ?? throw new InvalidOperationException($"The password step answered {step}.");
        }

        await using (var scope = _provider.CreateAsyncScope())
        {
            var done = await scope.ServiceProvider.GetRequiredService<ISecondFactorService>()
                .CompleteSignInAsync(ticket, _teamAccessTotp.ComputeTotp(_clock.GetUtcNow().UtcDateTime));
            return done.Value?.Session ?? throw new InvalidOperationException($"The code step answered {done}.");
        }
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }

    /// <summary>A clock that stands still and is moved on by the benchmark (timers run on the system's).</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
