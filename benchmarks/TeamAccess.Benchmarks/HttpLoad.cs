using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;
using TeamAccess.AspNetCore;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.Benchmarks;

/// <summary>
/// A bounded load client on loopback (fixed request count, time limit, fixed concurrency) against one Kestrel host with
/// two GET endpoints that do the same work: one behind the TeamAccess scheme and a team permission, the other behind
/// the plain JwtBearer scheme and a role policy, with the same ECDSA key. Rounds alternate so both see the same machine.
/// Mode <c>http-keys</c> (issue 23) adds a third row: the TeamAccess endpoint called with a service account's API key
/// (<c>Authorization: Bearer ta_...</c>) instead of a session token, in the same rounds.
/// </summary>
internal static class HttpLoad
{
    public static async Task RunAsync(string[] args)
    {
        var withKeys = args[0] == "http-keys";
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        const int concurrency = 16;
        var key = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddTeamAccess(o =>
        {
            o.Permissions.Add("devices.read");
            o.Sessions.SigningKeys.Add(key);
            o.EmailConfirmation.RequiredForPasswordSignIn = false;
        }).AddInMemoryStores().AddAspNetCore();
        builder.Services.AddAuthentication().AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters { ValidIssuer = "peer", ValidAudience = "peer", IssuerSigningKey = key, RoleClaimType = "role" };
        });
        builder.Services.AddAuthorization(o => o.AddPolicy("owner", p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireRole("Owner")));
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/ta/devices", () => "ok").RequireTeamPermission("devices.read");
        app.MapGet("/jwt/devices", () => "ok").RequireAuthorization("owner");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        string session;
        string? apiKey = null;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            const string password = "correct horse battery staple";
            var signedUp = (await scope.ServiceProvider.GetRequiredService<IUserService>().SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "L", "Acme", "acme") { Password = password })).Value!;
            session = (await scope.ServiceProvider.GetRequiredService<ISessionService>().SignInAsync(SignInCredential.ForPassword("ada@example.com", password), signedUp.Team.Id)).Value!.AccessToken;
            if (withKeys)
            {
                // A service account and one key of it: the gateway a device portal would have. An Administrator: a
                // Member's role reaches a host's permissions (devices.read) only through grants.
                var accounts = scope.ServiceProvider.GetRequiredService<IServiceAccountService>();
                var account = await accounts.CreateAsync(signedUp.User.Id, signedUp.Team.Id, new CreateServiceAccountRequest("Gateway", RolePresets.Administrator));
                var issued = await accounts.CreateKeyAsync(signedUp.User.Id, signedUp.Team.Id, account.Value?.Id ?? throw new InvalidOperationException(account.ToString()), new CreateApiKeyRequest("Load"));
                apiKey = issued.Value?.Secret ?? throw new InvalidOperationException(issued.ToString());
            }
        }

        var plain = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "peer",
            Audience = "peer",
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object> { ["sub"] = Guid.NewGuid().ToString(), ["role"] = "Owner" },
        });

        using var client = new HttpClient { BaseAddress = new Uri(address) };
        await LoadAsync(client, "/ta/devices", session, 1000, concurrency);
        await LoadAsync(client, "/jwt/devices", plain, 1000, concurrency);
        if (apiKey is not null)
        {
            await LoadAsync(client, "/ta/devices", apiKey, 1000, concurrency);
        }

        for (var round = 1; round <= 3; round++)
        {
            Report($"round {round} JwtBearer + role policy ", await LoadAsync(client, "/jwt/devices", plain, requests, concurrency));
            Report($"round {round} TeamAccess + permission", await LoadAsync(client, "/ta/devices", session, requests, concurrency));
            if (apiKey is not null)
            {
                Report($"round {round} TeamAccess API key     ", await LoadAsync(client, "/ta/devices", apiKey, requests, concurrency));
            }
        }

        await app.StopAsync();
    }

    private static void Report(string label, (double PerSecond, double P50, double P99, int Count) r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {r.Count} requests, {r.PerSecond:F0} requests/s, p50 {r.P50:F2} ms, p99 {r.P99:F2} ms"));

    private static async Task<(double PerSecond, double P50, double P99, int Count)> LoadAsync(HttpClient client, string path, string token, int count, int concurrency)
    {
        var latencies = new double[count];
        var next = -1;
        var limit = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && limit.Elapsed < TimeSpan.FromSeconds(60))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = limit.Elapsed;
        var done = Math.Min(count, next);
        var sorted = latencies.Take(done).Order().ToArray();
        return (done / elapsed.TotalSeconds, sorted[(int)(0.50 * (done - 1))], sorted[(int)(0.99 * (done - 1))], done);
    }
}
