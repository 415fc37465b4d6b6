using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamAccess.Accounts;
using TeamAccess.AspNetCore.UI;
using TeamAccess.Invitations;

namespace TeamAccess.Samples.Portal.Tests;

/// <summary>
/// The development stand-ins (the outbox and the password-less SSO provider) by environment, over plain HTTP: no browser,
/// so these never skip.
/// </summary>
public sealed class PortalEnvironmentTests
{
    private const string Password = "correct horse battery staple";

    /// <summary>The portal started on a free port with a fresh data folder, and a client for it.</summary>
    private sealed class RunningPortal : IAsyncDisposable
    {
        private RunningPortal(WebApplication app, string data)
        {
            App = app;
            DataDirectory = data;
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        }

        public WebApplication App { get; }

        public string DataDirectory { get; }

        public HttpClient Client { get; }

        public static async Task<RunningPortal> StartAsync(string environment, string[] settings, ILoggerProvider? logs = null, Action<WebApplicationBuilder>? configure = null)
        {
            var data = NewDataDirectory();
            var app = await PortalApp.BuildAsync(Arguments(environment, data, settings), builder =>
            {
                if (logs is not null)
                {
                    builder.Logging.AddProvider(logs);
                }

                configure?.Invoke(builder);
            });
            await app.StartAsync();
            return new RunningPortal(app, data);
        }

        public async Task<HttpStatusCode> StatusOf(string path)
        {
            using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
            return response.StatusCode;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
            Delete(DataDirectory);
        }
    }

    private sealed class WarningLog : ILoggerProvider, ILogger
    {
        public List<string> Warnings { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                lock (Warnings)
                {
                    Warnings.Add(formatter(state, exception));
                }
            }
        }

        public void Dispose()
        {
        }
    }

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "teamaccess-portal-" + Guid.NewGuid().ToString("N"));

    private static string[] Arguments(string environment, string data, string[] settings) =>
        ["--urls", "http://127.0.0.1:0", $"--environment={environment}", $"--Portal:DataDirectory={data}", "--Logging:LogLevel:Default=Warning", .. settings];

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never made.
        }
    }

    private const string FakeSsoRequest = "/FakeSso?client_id=teamaccess-portal&redirect_uri=%2FSsoSignIn%2FCallback&state=s&nonce=n&response_mode=form_post";

    [Fact]
    public async Task Telemetry_IsExportedOnlyWhenAnOtlpEndpointIsConfigured()
    {
        // Nothing listens on the endpoint: the exporter batches and drops in the background; the portal serves as ever.
        await using (var exported = await RunningPortal.StartAsync("Production", ["--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:9"]))
        {
            Assert.NotNull(exported.App.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
            Assert.NotNull(exported.App.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
            Assert.Equal(HttpStatusCode.OK, await exported.StatusOf("/SignIn"));
        }

        await using var plain = await RunningPortal.StartAsync("Production", []);
        Assert.Null(plain.App.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
    }

    [Fact]
    public async Task Production_OutboxAndFakeSso_Answer404AndMailIsOnlyLogged()
    {
        await using var portal = await RunningPortal.StartAsync("Production", []);

        Assert.Equal(HttpStatusCode.NotFound, await portal.StatusOf("/Outbox"));
        Assert.Equal(HttpStatusCode.NotFound, await portal.StatusOf("/FakeSso"));
        Assert.Equal(HttpStatusCode.NotFound, await portal.StatusOf(FakeSsoRequest));
        Assert.Equal(HttpStatusCode.OK, await portal.StatusOf("/SignIn"));
        Assert.DoesNotContain("/Outbox", await portal.Client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        // Mail goes to the library's logging senders (ids only), and the stand-in provider is not registered.
        Assert.Null(portal.App.Services.GetService<FolderOutbox>());
        Assert.Null(portal.App.Services.GetService<FakeSsoProvider>());
        Assert.All<object>(
            [portal.App.Services.GetRequiredService<IInvitationSender>(), portal.App.Services.GetRequiredService<IEmailConfirmationSender>(), portal.App.Services.GetRequiredService<IPasswordResetSender>()],
            sender => Assert.StartsWith("Logging", sender.GetType().Name, StringComparison.Ordinal));
        using (var reset = await portal.Client.PostAsync(new Uri("/api/password-reset", UriKind.Relative), JsonContent.Create(new { email = "boss@victim.test" })))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        Assert.False(Directory.Exists(Path.Combine(portal.DataDirectory, "outbox")));
    }

    [Fact]
    public async Task PathPrefix_MovesThePackagesPages_AndTheHostsOwnHomePageStillReplacesThePackages()
    {
        await using var portal = await RunningPortal.StartAsync("Production", [], configure: builder =>
            builder.Services.PostConfigure<TeamAccessUIOptions>(ui => ui.PathPrefix = "/account"));

        Assert.Equal(HttpStatusCode.OK, await portal.StatusOf("/account/SignIn"));
        Assert.Equal(HttpStatusCode.OK, await portal.StatusOf("/account/SignUp"));
        Assert.Equal(HttpStatusCode.NotFound, await portal.StatusOf("/SignIn"));
        Assert.Contains("href=\"/account/ResetPassword\"", await portal.Client.GetStringAsync(new Uri("/account/SignIn", UriKind.Relative)), StringComparison.Ordinal);

        // The portal's Areas/TeamAccess/Pages/Index.cshtml is at the package's Index path, wherever the prefix puts it.
        Assert.Contains("id=\"portal-home\"", await portal.Client.GetStringAsync(new Uri("/account", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageCatalog_HasASentenceForEveryErrorCode_WithTheNumbersThatMatter()
    {
        await using var portal = await RunningPortal.StartAsync("Production", []);
        var messages = portal.App.Services.GetRequiredService<TeamAccess.AspNetCore.UI.TeamAccessMessages>();

        Assert.All(Enum.GetValues<TeamAccessErrorCode>(), code => Assert.True(messages.Has(code), $"No message for {code}."));
        Assert.Equal("You can invite at most 50 addresses at a time.", messages.Error(Result.Failed(TeamAccessErrorCode.BatchTooLarge).Error));
        Assert.Equal(
            "The password does not meet the policy: it must have at least 15 characters; it must not be your email address.",
            messages.Error(new TeamAccessError(TeamAccessErrorCode.PasswordPolicy, "") { Details = ["TooShort", "SameAsEmail"] }));
        Assert.Equal("This was done too recently: try again in 60 seconds.", messages.Error(Result.Failed(TeamAccessErrorCode.RateLimited).Error));
    }

    [Theory]
    [InlineData("Portal:DevelopmentMail")]
    [InlineData("Portal:StandInSso")]
    public async Task Production_WithAStandInTurnedOn_RefusesToStart(string key)
    {
        var data = NewDataDirectory();
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => PortalApp.BuildAsync(Arguments("Production", data, [$"--{key}=true"])));

            Assert.Contains($"{key} is on in the Production environment", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Delete(data);
        }
    }

    [Fact]
    public async Task Staging_WithDevelopmentMailAskedFor_ServesTheOutboxAndWarnsAtStart()
    {
        var logs = new WarningLog();
        await using var portal = await RunningPortal.StartAsync("Staging", ["--Portal:DevelopmentMail=true"], logs);

        Assert.Equal(HttpStatusCode.OK, await portal.StatusOf("/Outbox"));
        Assert.Equal(HttpStatusCode.NotFound, await portal.StatusOf(FakeSsoRequest));
        var warning = Assert.Single(logs.Warnings, w => w.Contains("Development mail is on", StringComparison.Ordinal));
        Assert.Contains("Never expose this portal", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_ServesBothStandIns_UnlessTurnedOff()
    {
        var logs = new WarningLog();
        await using (var portal = await RunningPortal.StartAsync("Development", [], logs))
        {
            Assert.Equal(HttpStatusCode.OK, await portal.StatusOf("/Outbox"));
            Assert.Equal(HttpStatusCode.OK, await portal.StatusOf(FakeSsoRequest));
            Assert.Equal(2, logs.Warnings.Count(w => w.Contains("Never expose this portal", StringComparison.Ordinal)));
        }

        await using (var portal = await RunningPortal.StartAsync("Development", ["--Portal:DevelopmentMail=false", "--Portal:StandInSso=false"]))
        {
            Assert.Equal(HttpStatusCode.NotFound, await portal.StatusOf("/Outbox"));
            Assert.Equal(HttpStatusCode.NotFound, await portal.StatusOf(FakeSsoRequest));
        }
    }

    [Fact]
    public async Task ActivationLink_CarriesItsTokenInTheFragment_AndOpeningItConfirmsNothing()
    {
        await using var portal = await RunningPortal.StartAsync("Development", []);
        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            var signedUp = await scope.ServiceProvider.GetRequiredService<IUserService>()
                .SignUpAsync(new SignUpRequest("scanned@example.com", "Sam", "Scanner", "Scanned", "scanned") { Password = Password });
            Assert.True(signedUp.Succeeded);
        }

        var link = Assert.Single(portal.App.Services.GetRequiredService<FolderOutbox>().List()).Link;
        Assert.StartsWith("/ConfirmEmail#token=", link, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(link["/ConfirmEmail#token=".Length..]);

        // A mail scanner opens the link (the fragment stays in the client; an old-style query is ignored too).
        Assert.Equal(HttpStatusCode.OK, await portal.StatusOf(link));
        Assert.Equal(HttpStatusCode.OK, await portal.StatusOf("/ConfirmEmail?token=" + Uri.EscapeDataString(token)));

        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            var signIn = await scope.ServiceProvider.GetRequiredService<ISessionService>().SignInAsync(SignInCredential.ForPassword("scanned@example.com", Password), "scanned");
            Assert.Equal(TeamAccessErrorCode.EmailNotConfirmed, signIn.Code);
        }
    }
}
