using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using TeamAccess.Specification.Tests;
using TeamAccess.Testing;

namespace TeamAccess.Samples.Portal.Tests;

/// <summary>
/// The portal in the Development environment (its outbox, stand-in SSO provider and localhost passkeys on) on 127.0.0.1 at a free port with a
/// fresh data folder, and headless Chromium from the machine's packages
/// (/usr/bin/chromium driven by /usr/bin/chromedriver; nothing is downloaded). Without them the browser tests skip
/// visibly, except under CI (CI set), where they fail.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string ChromeDriver = "/usr/bin/chromedriver";

    private readonly List<string> _profiles = [];
    private WebApplication? _app;
    private ChromeDriverService? _service;

    public static bool IsCI => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Gets why the browser tests cannot run here, or <see langword="null"/>.</summary>
    public static string? UnavailableReason =>
        File.Exists(Chromium) && File.Exists(ChromeDriver) ? null : $"Chromium ({Chromium}) and its driver ({ChromeDriver}) are not installed: apt-get install chromium chromium-driver.";

    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Gets the network a team's own provider and domains are judged over: the portal's issuer fetches and DNS TXT lookups
    /// go here, not to the internet. It serves <see cref="Idp"/>, an HTTPS issuer on a public address, so the SSRF guard
    /// stays exactly as in production (no loopback or HTTP allowance).
    /// </summary>
    public TeamSsoFakes Network { get; } = new();

    /// <summary>Gets the OpenID Connect provider a team adds on the Team SSO page (served by <see cref="Network"/>).</summary>
    public TestIdentityProvider Idp { get; } = new("acme-idp", "https://idp.acme.example/", new Microsoft.Extensions.Time.Testing.FakeTimeProvider());

    /// <summary>Gets the running portal's services, for a test to set up what no page makes yet.</summary>
    public IServiceProvider Services => _app!.Services;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "teamaccess-portal-" + Guid.NewGuid().ToString("N"));

    /// <summary>Gets the folder the runs' screenshots go to.</summary>
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (UnavailableReason is not null)
        {
            if (IsCI)
            {
                throw new InvalidOperationException($"CI is set, so the browser tests must run: {UnavailableReason}");
            }

            return;
        }

        Directory.CreateDirectory(Screenshots);
        Network.Serve(Idp);

        // A fixed port, known before the portal starts, so that its passkey origin (http://localhost:port, validated at
        // start) is the browser's; the port is free when picked (another process could take it in between: then the start
        // fails loudly rather than flakily).
        _app = await PortalApp.BuildAsync(["--urls", $"http://127.0.0.1:{FreePort()}", "--environment=Development", $"--Portal:DataDirectory={DataDirectory}", "--Logging:LogLevel:Default=Warning", .. StaticWebAssets()], builder => Network.AddTo(builder.Services));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        _service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        _service.HideCommandPromptWindow = true;
        _service.SuppressInitialDiagnosticInformation = true;

        // The driver inherits the test process's open files (a build lock among them): it must never outlive the run.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopDriver();
    }

    /// <summary>A TCP port on the loopback address that nothing listens on now.</summary>
    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// The portal's static web assets manifest (the UI package's Bootstrap, served at _content/...): in Development the host
    /// finds it beside its own assembly, but the tests run from their own folder, so the manifest the portal's build wrote is
    /// named explicitly.
    /// </summary>
    public static string[] StaticWebAssets()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory);
        for (var root = tests; root is not null; root = root.Parent)
        {
            if (File.Exists(Path.Combine(root.FullName, "TeamAccess.sln")))
            {
                // bin/<Configuration>/<framework>/ of the tests matches the portal's.
                var configuration = tests.Parent!.Name;
                var framework = tests.Name;
                var manifest = Path.Combine(root.FullName, "samples", "TeamAccess.Samples.Portal", "bin", configuration, framework, "TeamAccess.Samples.Portal.staticwebassets.runtime.json");
                return File.Exists(manifest) ? [$"--staticWebAssets={manifest}"] : [];
            }
        }

        return [];
    }

    /// <summary>Stops chromedriver, and kills it if it is still there (it would keep the files it inherited open).</summary>
    private void StopDriver()
    {
        if (_service is not { } service)
        {
            return;
        }

        var id = service.IsRunning ? service.ProcessId : 0;
        service.Dispose();
        _service = null;
        if (id == 0)
        {
            return;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(id);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    /// <summary>A new headless browser with a fresh profile: its own cookies, as a second person's would be.</summary>
    public IWebDriver NewBrowser()
    {
        Skip.If(UnavailableReason is not null, UnavailableReason);
        var profile = Path.Combine(DataDirectory, "profile-" + Guid.NewGuid().ToString("N"));
        _profiles.Add(profile);
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1200,900",
            // Bootstrap scrolls smoothly unless the person asks for reduced motion; a click must not race the scroll.
            "--force-prefers-reduced-motion", $"--user-data-dir={profile}");
        var driver = new ChromeDriver(_service!, options, TimeSpan.FromSeconds(30));
        driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(2);
        return driver;
    }

    public async Task DisposeAsync()
    {
        StopDriver();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A browser profile still being written as Chromium exits; the temporary folder is cleaned by the system.
        }
    }
}
