using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;

namespace TeamAccess.Benchmarks;

/// <summary>
/// Validating a session from the index (signature, lifetime, then one lookup: no query) beside validating a plain JWT's
/// signature with the same key and <see cref="JsonWebTokenHandler"/>, the floor any bearer scheme pays.
/// </summary>
[MemoryDiagnoser]
public class SessionValidationBenchmarks
{
    private readonly ECDsaSecurityKey _key = new(ECDsa.Create(ECCurve.NamedCurves.nistP256));
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private ServiceProvider _services = null!;
    private ISessionService _sessions = null!;
    private string _session = null!;
    private TeamId _team;
    private string _plain = null!;
    private TokenValidationParameters _parameters = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var services = new ServiceCollection();
        services.AddTeamAccess(o =>
        {
            o.Sessions.SigningKeys.Add(_key);
            o.EmailConfirmation.RequiredForPasswordSignIn = false;
        }).AddInMemoryStores();
        _services = services.BuildServiceProvider();
        await _services.WarmUpTeamAccessAsync();
        var scope = _services.CreateScope();
        var signedUp = await scope.ServiceProvider.GetRequiredService<IUserService>()
            .SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Acme", "acme") { Password = "correct horse battery staple" });
        _team = signedUp.Value!.Team.Id;
        _sessions = scope.ServiceProvider.GetRequiredService<ISessionService>();
        _session = (await _sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", "correct horse battery staple"), _team)).Value!.AccessToken;
        _plain = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "teamaccess",
            Audience = "teamaccess",
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object> { ["sub"] = Guid.NewGuid().ToString(), ["role"] = "Owner" },
        });
        _parameters = new TokenValidationParameters { ValidIssuer = "teamaccess", ValidAudience = "teamaccess", IssuerSigningKey = _key };
    }

    [GlobalCleanup]
    public void CleanUp() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<bool> PlainJwt_JsonWebTokenHandler() => (await _handler.ValidateTokenAsync(_plain, _parameters)).IsValid;

    [Benchmark]
    public async Task<bool> TeamAccess_ValidateAsync_FromIndex() => (await _sessions.ValidateAsync(_session, _team)).Succeeded;
}
