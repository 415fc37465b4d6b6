using OpenQA.Selenium;

namespace TeamAccess.Samples.Portal.Tests;

/// <content>The Sessions page (issue 24): two browsers of one person; B signs A's session out, and A is sent to sign in with the reason.</content>
public sealed partial class PortalBrowserTests
{
    [SkippableFact]
    public void Sessions_BSignsOutAsSession_AsNextRequestIsSentToSignInWithTheReason()
    {
        using var a = Open();
        SignUpAndSignIn(a, "roamer");
        using var b = Open();
        SignIn(b, "roamer@example.com", "roamer-robotics");

        b.Go("/MyAccount");
        b.Click("my-sessions");
        b.ExpectPath("/Sessions");
        b.Expect("2", () => b.Driver.FindElements(By.CssSelector("tr.session")).Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(b.Driver.FindElements(By.CssSelector("tr.session .current")));
        Assert.Empty(SeriousViolations(b));
        b.Shot("sessions");

        // The other session is the one not marked current: B signs it out after a confirmation naming its device.
        var other = b.Driver.FindElements(By.CssSelector("tr.session")).Single(r => r.FindElements(By.CssSelector(".current")).Count == 0);
        var device = other.FindElement(By.CssSelector("td")).Text;
        other.FindElement(By.CssSelector("button.sign-out")).Click();
        b.Confirm($"Sign out {device}, signed in ");
        b.Expect("The session is signed out.", () => b.Text("notice"));
        b.Expect("1", () => b.Driver.FindElements(By.CssSelector("tr.session")).Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        a.Go("/Groups");
        a.ExpectPath("/SignIn");
        a.Expect("You were signed out elsewhere: this session was ended from another of your sessions or by an administrator. Sign in again to continue.", () => a.Text("session-ended"));

        // Signed in again, A signs out every other session: B's.
        SignIn(a, "roamer@example.com", "roamer-robotics");
        a.Go("/Sessions");
        a.Click("sign-out-others");
        a.Confirm("Sign out every other session?");
        a.Expect("1 other session is signed out.", () => a.Text("notice"));
        b.Go("/Groups");
        b.ExpectPath("/SignIn");
        b.Expect("You were signed out elsewhere: this session was ended from another of your sessions or by an administrator. Sign in again to continue.", () => b.Text("session-ended"));
    }
}
