using OpenQA.Selenium;

namespace TeamAccess.Samples.Portal.Tests;

/// <content>
/// The UI package README's screenshots of the main pages: <c>eng/screenshots.sh</c> runs this test with
/// <c>TEAMACCESS_SCREENSHOTS</c> naming docs/screenshots, and it writes them there; otherwise they go to the run's
/// screenshots folder (so the test still checks that every page it pictures draws with its content).
/// </content>
public sealed partial class PortalBrowserTests
{
    /// <summary>The pictures' window: wide enough for the desktop layout, small enough to keep the files small.</summary>
    private static readonly System.Drawing.Size ShotSize = new(1024, 680);

    [SkippableFact]
    public async Task ReadmeScreenshots_OfTheMainPages()
    {
        var folder = Environment.GetEnvironmentVariable("TEAMACCESS_SCREENSHOTS") is { Length: > 0 } asked ? asked : Path.Combine(portal.Screenshots, "readme");
        Directory.CreateDirectory(folder);
        var taken = new List<string>();
        void Picture(Person person, string name, string shows)
        {
            person.Expect("true", () => (person.Driver.FindElements(By.Id(shows)).Count > 0).ToString().ToLowerInvariant());
            ((IJavaScriptExecutor)person.Driver).ExecuteScript("window.scrollTo(0, 0); document.activeElement?.blur();");
            var js = (IJavaScriptExecutor)person.Driver;
            Assert.True(
                Convert.ToInt64(js.ExecuteScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth"), System.Globalization.CultureInfo.InvariantCulture) <= 0,
                $"{name}: the page is wider than a {ShotSize.Width} px window");
            ((ITakesScreenshot)person.Driver).GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
            taken.Add(name);
        }

        using var visitor = Open();
        visitor.Driver.Manage().Window.Size = ShotSize;
        visitor.Go("/SignIn");
        Picture(visitor, "sign-in", "sign-in");

        using var owner = Open();
        owner.Driver.Manage().Window.Size = ShotSize;
        SignUpAndSignIn(owner, "showcase");
        Invite(owner, "showcase-tech@example.com showcase-lin@example.com nobody@@example", "Member");
        Picture(owner, "invite", "outcomes");
        using var member = Accept("showcase-tech@example.com");
        CreateGroup(owner, "Night shift", "night-shift");
        Grant(owner, "device-42", "Group: Night shift (night-shift)", "read and write");
        Grant(owner, "device-17", "Grace Hopper (showcase-tech@example.com)", "read");

        foreach (var (path, name, shows) in new[]
        {
            ("/Users", "users", "users"),
            ("/Groups", "groups", "grant-form"),
            ("/Devices", "devices", "devices"),
            ("/Audit", "audit", "audit"),
            ("/MyAccount", "my-account", "team-select"),
            ("/Security", "security", "main"),
            ("/Sessions", "sessions", "main"),
        })
        {
            owner.Go(path);
            Picture(owner, name, shows);
        }

        // A dangerous action asks for a recent second factor on the StepUp page.
        await EnrolAuthenticatorAsync(owner);
        owner.Go("/ApiKeys");
        CreateServiceAccount(owner, "gateway-hall-3", "Member");
        Picture(owner, "api-keys", "create-account");
        CreateKey(owner, "gateway-hall-3", "hall-3-key");
        owner.ExpectPath("/StepUp");
        Picture(owner, "step-up", "step-up-reason");

        Assert.All(taken, name => Assert.True(new FileInfo(Path.Combine(folder, name + ".png")).Length is > 1_000 and < 400_000, name));
    }
}
