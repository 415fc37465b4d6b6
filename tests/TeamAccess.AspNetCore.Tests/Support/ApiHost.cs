using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamAccess.Accounts;
using TeamAccess.Hosting;
using TeamAccess.Invitations;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>A host with <c>MapTeamAccessApi()</c> under <c>/account</c>, an outbox, and store reads counted.</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    private ApiHost(WebApplication app, Outbox outbox, StoreReads reads, FakeTimeProvider time)
    {
        Time = time;
        App = app;
        Outbox = outbox;
        Reads = reads;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public Outbox Outbox { get; }

    public StoreReads Reads { get; }

    /// <summary>The host's clock, for the cool-downs between sends.</summary>
    public FakeTimeProvider Time { get; }

    private readonly ConcurrentDictionary<string, byte[]> _authenticators = new(StringComparer.Ordinal);

    public static async Task<ApiHost> StartAsync(Action<TeamAccessBuilder>? teamAccess = null, Action<WebApplication>? endpoints = null)
    {
        var outbox = new Outbox();
        var reads = new StoreReads();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<IInvitationSender>(outbox);
        builder.Services.AddSingleton<IEmailConfirmationSender>(outbox);
        builder.Services.AddSingleton<IPasswordResetSender>(outbox);
        builder.Services.AddSingleton(reads);
        builder.Services.AddSingleton<ITeamStore>(sp => new CountingTeamStore(sp.GetRequiredService<InMemoryTeamStore>(), reads));
        builder.Services.AddSingleton<IMemberQueryStore>(sp => new CountingMemberQueryStore(sp.GetRequiredService<InMemoryListQueryStore>(), reads));
        var added = builder.Services.AddTeamAccess(o =>
        {
            o.Permissions.Add("devices.read", "devices.write");

            // The tests move the clock past expiries on purpose and ask what the routes answer then: no sweep between.
            o.Invitations.ExpirySweepInterval = Timeout.InfiniteTimeSpan;

            // The tests read the outbox right after the request that sent a message; the background queue has its own test.
            o.Mail.DeliverInBackground = false;
        }).AddInMemoryStores();
        // One test client makes every request: the per-client mail budget would cut the tests' own sign-ups short. The
        // test of that budget sets its own, after this.
        builder.Services.Configure<TeamAccessApiOptions>(o => o.MailRequestsPerClientPerHour = 100_000);
        teamAccess?.Invoke(added);
        added.AddAspNetCore();
        builder.Services.AddOpenApi();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGroup("/account").MapTeamAccessApi();
        endpoints?.Invoke(app);
        app.MapOpenApi();
        await app.StartAsync();
        return new ApiHost(app, outbox, reads, time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>Signs up through the API, confirms the address from the outbox, and signs in by team handle.</summary>
    public async Task<Person> SignUpAsync(string name)
    {
        var signedUp = await SendAsync(HttpMethod.Post, "/account/signup", null, new { email = $"{name}@example.com", password = Password, firstName = name, lastName = "Tester", teamName = $"{name}'s team", teamHandle = $"{name}-team" });
        Assert.Equal(HttpStatusCode.NoContent, signedUp.StatusCode);
        var confirmed = await SendAsync(HttpMethod.Post, "/account/confirm-email", null, new { token = Outbox.ActivationTo($"{name}@example.com") });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var token = await SignInAsync($"{name}@example.com", $"{name}-team");
        var me = await JsonAsync(await SendAsync(HttpMethod.Get, "/account/me", token));
        return new Person($"{name}@example.com", me.GetProperty("userId").GetGuid(), me.GetProperty("teamId").GetGuid(), $"{name}-team", me.GetProperty("membershipId").GetGuid(), token);
    }

    /// <summary>Signs in by team handle; a person who enrolled an authenticator here (<see cref="StepUpAsync"/>) completes the second step with its code.</summary>
    public async Task<string> SignInAsync(string email, string teamHandle, string password = Password)
    {
        var response = await SendAsync(HttpMethod.Post, "/account/signin", null, new { email, password, teamHandle });
        if (_authenticators.ContainsKey(email))
        {
            var ticket = (await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "SecondFactorRequired")).GetProperty("ticket").GetString();
            var done = await JsonAsync(await SendAsync(HttpMethod.Post, "/account/signin/second-factor", null, new { ticket, code = NextCode(email) }));
            return done.GetProperty("session").GetProperty("accessToken").GetString()!;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>
    /// Proves a second factor in the session of <paramref name="email"/>, enrolling an authenticator through the API the
    /// first time; returns the session's new token, fit for a dangerous action within the step-up window.
    /// </summary>
    public async Task<string> StepUpAsync(string email, string token)
    {
        if (_authenticators.ContainsKey(email))
        {
            return (await JsonAsync(await SendAsync(HttpMethod.Post, "/account/step-up", token, new { code = NextCode(email) }))).GetProperty("accessToken").GetString()!;
        }

        var enrolment = await JsonAsync(await SendAsync(HttpMethod.Post, "/account/me/authenticator", token));
        _authenticators[email] = OtpNet.Base32Encoding.ToBytes(enrolment.GetProperty("secret").GetString());
        var confirmed = await JsonAsync(await SendAsync(HttpMethod.Post, "/account/me/authenticator/confirm", token, new { code = NextCode(email) }));
        Assert.Equal(10, confirmed.GetProperty("recoveryCodes").GetArrayLength());
        return confirmed.GetProperty("session").GetProperty("accessToken").GetString()!;
    }

    /// <summary>The authenticator code of a new time step (the clock moves on 30 seconds first, so no code is a replay).</summary>
    public string NextCode(string email)
    {
        Time.Advance(TimeSpan.FromSeconds(30));
        return new OtpNet.Totp(_authenticators[email]).ComputeTotp(Time.GetUtcNow().UtcDateTime);
    }

    /// <summary>Invites <paramref name="email"/> into <paramref name="role"/> and accepts with a new account; returns their session in that team.</summary>
    public async Task<(Guid MembershipId, string Token)> JoinAsync(Person owner, string email, string role)
    {
        var invited = await SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/invitations", owner.Token, new { addresses = email, role });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var accepted = await SendAsync(HttpMethod.Post, "/account/invitations/accept-new", null, new { token = Outbox.InvitationTo(email).Token, firstName = "New", lastName = "Member", password = Password });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var membership = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("membershipId").GetGuid();
        return (membership, await SignInAsync(email, owner.TeamHandle));
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Asserts the response has <paramref name="status"/> (200 unless told); returns its JSON body.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Asserts the response is a problem with <paramref name="status"/> and <paramref name="code"/>; returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.StartsWith(TeamAccessProblems.TypePrefix, problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        return problem;
    }
}

/// <summary>A signed-up person: their own team and a session there.</summary>
internal sealed record Person(string Email, Guid UserId, Guid TeamId, string TeamHandle, Guid MembershipId, string Token);

/// <summary>Every message the library hands to the host's senders.</summary>
internal sealed class Outbox : IInvitationSender, IEmailConfirmationSender, IPasswordResetSender
{
    private readonly ConcurrentQueue<object> _sent = new();
    private readonly TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets or sets a task every send waits for first, as a slow mail server would keep it.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    /// <summary>Gets a task that completes when the first message has been kept.</summary>
    public Task Delivered => _delivered.Task;

    public IReadOnlyList<EmailConfirmationMessage> Activations => [.. _sent.OfType<EmailConfirmationMessage>()];

    public IReadOnlyList<AccountExistsMessage> AccountExists => [.. _sent.OfType<AccountExistsMessage>()];

    public InvitationMessage InvitationTo(string email) => _sent.OfType<InvitationMessage>().Last(m => m.Email == email);

    public string ActivationTo(string email) => _sent.OfType<EmailConfirmationMessage>().Last(m => m.Email == email).Token;

    public string ResetTo(string email) => _sent.OfType<PasswordResetMessage>().Last(m => m.Email == email).Token;

    public ValueTask SendAsync(InvitationMessage message, CancellationToken cancellationToken) => Add(message);

    public ValueTask SendAsync(EmailConfirmationMessage message, CancellationToken cancellationToken) => Add(message);

    public ValueTask SendAccountExistsAsync(AccountExistsMessage message, CancellationToken cancellationToken) => Add(message);

    public ValueTask SendAsync(PasswordResetMessage message, CancellationToken cancellationToken) => Add(message);

    private async ValueTask Add(object message)
    {
        await Gate.ConfigureAwait(false);
        _sent.Enqueue(message);
        _delivered.TrySetResult();
    }
}

/// <summary>Counts the team store's and member query store's reads.</summary>
internal sealed class StoreReads
{
    private int _count;
    private int _loads;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Gets how many whole teams were loaded (a snapshot, the costliest read).</summary>
    public int Loads => Volatile.Read(ref _loads);

    public void Add() => Interlocked.Increment(ref _count);

    public void AddLoad()
    {
        Add();
        Interlocked.Increment(ref _loads);
    }
}

internal sealed class CountingTeamStore(ITeamStore inner, StoreReads reads) : ITeamStore
{
    public ValueTask<TeamSnapshot?> LoadAsync(TeamId id, CancellationToken cancellationToken)
    {
        reads.AddLoad();
        return inner.LoadAsync(id, cancellationToken);
    }

    public ValueTask<StoredMembership?> FindMembershipAsync(TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken)
    {
        reads.Add();
        return inner.FindMembershipAsync(teamId, membershipId, cancellationToken);
    }

    public ValueTask<Team?> FindTeamAsync(TeamId id, CancellationToken cancellationToken)
    {
        reads.Add();
        return inner.FindTeamAsync(id, cancellationToken);
    }

    public ValueTask<TeamId?> FindIdByHandleAsync(string handle, CancellationToken cancellationToken)
    {
        reads.Add();
        return inner.FindIdByHandleAsync(handle, cancellationToken);
    }

    public async IAsyncEnumerable<TeamId> ListTeamIdsForUserAsync(UserId userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        reads.Add();
        await foreach (var id in inner.ListTeamIdsForUserAsync(userId, cancellationToken))
        {
            yield return id;
        }
    }

    // The start-up warm-up of the index, not a request's read.
    public IAsyncEnumerable<TeamSnapshot> LoadAllAsync(CancellationToken cancellationToken) => inner.LoadAllAsync(cancellationToken);
}

internal sealed class CountingMemberQueryStore(IMemberQueryStore inner, StoreReads reads) : IMemberQueryStore
{
    public ValueTask<(Team Team, StoredMembership? Membership)?> FindTeamAndCurrentMembershipAsync(TeamId teamId, UserId userId, CancellationToken cancellationToken)
    {
        reads.Add();
        return inner.FindTeamAndCurrentMembershipAsync(teamId, userId, cancellationToken);
    }

    public ValueTask<MemberPage> ListMembersAsync(TeamId teamId, MemberQuery query, CancellationToken cancellationToken)
    {
        reads.Add();
        return inner.ListMembersAsync(teamId, query, cancellationToken);
    }
}
