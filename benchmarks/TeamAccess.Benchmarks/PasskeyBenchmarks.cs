using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;
using TeamAccess.Specification.Tests;

namespace TeamAccess.Benchmarks;

/// <summary>
/// Issue 24: one passkey assertion (WebAuthn <c>navigator.credentials.get</c>, EC P-256, user verification) verified
/// three ways, with assertions made by the software authenticator the specification tests use:
/// <list type="bullet">
/// <item>the floor: Fido2's own <c>MakeAssertionAsync</c> on a <c>Fido2</c> built once, with the options and the
/// browser's answer parsed once (the library's cost alone);</item>
/// <item>TeamAccess's verifier (<c>PasskeyCeremonies</c>): the answer read from JSON, the options parsed from the stored
/// challenge's JSON, then <c>MakeAssertionAsync</c>, as a sign-in does once it has found the credential;</item>
/// <item>the whole sign-in with a passkey alone through <see cref="IPasskeyService"/> on the in-memory store: a challenge
/// begun and stored, the authenticator's answer (made in the row: see its own row to subtract it), the challenge taken
/// once, the credential found, verified, its counter and last use written with the user, and a session issued.</item>
/// </list>
/// net10.0 only, as passkeys are.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PasskeyBenchmarks
{
    private const string Origin = "https://app.example.com";
    private const string Password = "correct horse battery staple";

    private ServiceProvider _services = null!;
    private SoftwareAuthenticator _authenticator = null!;
    private PasskeyCeremonies _ceremonies = null!;
    private StoredPasskey _stored = null!;
    private TeamId _team;
    private string _optionsJson = null!;
    private string _assertionJson = null!;
    private Fido2 _fido2 = null!;
    private AssertionOptions _options = null!;
    private AuthenticatorAssertionRawResponse _response = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProtector>(new KeyedSecretProtector(RandomNumberGenerator.GetBytes(32)));
        services.AddTeamAccess(o =>
        {
            o.Sessions.SigningKeys.Add(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)));
            o.EmailConfirmation.RequiredForPasswordSignIn = false;
            o.Passkeys.RelyingPartyId = "example.com";
            o.Passkeys.Origins.Add(Origin);
        }).AddInMemoryStores();
        _services = services.BuildServiceProvider();
        await _services.WarmUpTeamAccessAsync();
        var signedUp = (await _services.GetRequiredService<IUserService>()
            .SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Acme", "acme") { Password = Password })).Value!;
        _team = signedUp.Team.Id;

        // Registered as a user does: a session, the creation options, the authenticator's attestation.
        _authenticator = new SoftwareAuthenticator(Origin);
        var session = (await _services.GetRequiredService<ISessionService>().SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), _team)).Value!;
        var passkeys = _services.GetRequiredService<IPasskeyService>();
        var begun = (await passkeys.BeginRegistrationAsync(session.AccessToken)).Value!;
        var registered = await passkeys.CompleteRegistrationAsync(session.AccessToken, begun.ChallengeId, _authenticator.Create(begun.OptionsJson), "Laptop");
        if (!registered.Succeeded)
        {
            throw new InvalidOperationException(registered.ToString());
        }

        _stored = (await _services.GetRequiredService<IPasskeyStore>().ListPasskeysAsync(signedUp.User.Id, CancellationToken.None)).Single();
        _ceremonies = _services.GetRequiredService<PasskeyCeremonies>();
        _optionsJson = _ceremonies.AssertionOptions(null);
        _assertionJson = _authenticator.Get(_optionsJson);

        var passkeyOptions = _services.GetRequiredService<IOptions<TeamAccessOptions>>().Value.Passkeys;
        _fido2 = new Fido2(new Fido2Configuration
        {
            RPID = passkeyOptions.RelyingPartyId!,
            RPName = passkeyOptions.RelyingPartyName,
            Origins = new HashSet<string>(passkeyOptions.Origins, StringComparer.Ordinal),
            Timeout = (uint)passkeyOptions.ChallengeLifetime.TotalMilliseconds,
        }, null!);
        _options = AssertionOptions.FromJson(_optionsJson);
        _response = JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(_assertionJson)!;

        if (!await Fido2_MakeAssertionAsync() || !await TeamAccess_Verifier() || !(await TeamAccess_SignInWithPasskey()).Succeeded)
        {
            throw new InvalidOperationException("An assertion was refused: the benchmark would measure a refusal.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _authenticator.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Fido2 MakeAssertionAsync (parsed once, Fido2 built once)")]
    public async Task<bool> Fido2_MakeAssertionAsync()
    {
        var verified = await _fido2.MakeAssertionAsync(new MakeAssertionParams
        {
            AssertionResponse = _response,
            OriginalOptions = _options,
            StoredPublicKey = _stored.PublicKey,
            StoredSignatureCounter = 0,
            IsUserHandleOwnerOfCredentialIdCallback = (_, _) => Task.FromResult(true),
        });
        return verified.SignCount > 0;
    }

    [Benchmark(Description = "TeamAccess verifier: read the answer, parse the options, MakeAssertionAsync")]
    public async Task<bool> TeamAccess_Verifier()
    {
        var assertion = PasskeyCeremonies.ReadAssertion(_assertionJson) ?? throw new InvalidOperationException("Not an assertion.");
        return await _ceremonies.VerifyAssertionAsync(_optionsJson, assertion, _stored, CancellationToken.None);
    }

    [Benchmark(Description = "Software authenticator's answer alone (client side, inside the next row)")]
    public string Authenticator_Get() => _authenticator.Get(_optionsJson);

    [Benchmark(Description = "TeamAccess IPasskeyService: begin + complete a sign-in with a passkey alone (in-memory store)")]
    public async Task<Result<Session>> TeamAccess_SignInWithPasskey()
    {
        await using var scope = _services.CreateAsyncScope();
        var passkeys = scope.ServiceProvider.GetRequiredService<IPasskeyService>();
        var challenge = (await passkeys.BeginSignInAsync()).Value!;
        var signedIn = await passkeys.CompleteSignInAsync(challenge.ChallengeId, _authenticator.Get(challenge.OptionsJson), _team);
        return signedIn.Succeeded ? signedIn : throw new InvalidOperationException(signedIn.ToString());
    }
}
