using OpenQA.Selenium;
using OpenQA.Selenium.VirtualAuth;
using OtpNet;

namespace TeamAccess.Samples.Portal.Tests;

/// <summary>
/// Strong authentication in the browser (issue 24): the Security page's authenticator app, recovery codes and passkeys
/// (WebDriver's virtual authenticator: CTAP2, internal transport, resident keys and user verification on), the sign-in's
/// second-factor step, a team's sign-in policy, step-up before a dangerous action and when switching team; axe-core on
/// each new page in each state.
/// </summary>
public sealed partial class PortalBrowserTests
{
    /// <summary>Asserts axe-core finds no serious or critical violation on the page as it is now.</summary>
    private static void AssertAxe(Person person, string state)
    {
        person.Expect("complete", () => ((IJavaScriptExecutor)person.Driver).ExecuteScript("return document.readyState") as string ?? "");
        var violations = SeriousViolations(person);
        Assert.True(violations.Count == 0, state + ": " + string.Join("; ", violations));
    }

    /// <summary>
    /// The authenticator's code for the time step after this one: the code of this step may have been spent already (the
    /// enrolment's, a moment ago), and the service accepts one step either side, so the next step's code is good whenever
    /// the request lands within it or the step before.
    /// </summary>
    private static string NextCode(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    /// <summary>Sets up an authenticator app on the Security page; returns its key and the recovery codes shown once.</summary>
    private static (string Secret, List<string> Codes) EnrolAuthenticator(Person person, bool checkAxe = false)
    {
        person.Go("/Security");
        person.Click("enrol-authenticator");
        var secret = person.Text("authenticator-secret");
        Assert.StartsWith("data:image/png;base64,", person.Driver.FindElement(By.Id("authenticator-qr")).GetAttribute("src"), StringComparison.Ordinal);
        if (checkAxe)
        {
            AssertAxe(person, "/Security enrolling");
        }

        person.Fill("Code", new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp());
        person.Click("confirm-authenticator");
        person.Expect("Your authenticator app is set up.", () => person.Text("outcome"));
        var codes = person.Column("#recovery-codes .recovery-code").ToList();
        Assert.Equal(10, codes.Count);
        return (secret, codes);
    }

    /// <summary>Gives the browser WebDriver's virtual authenticator: a platform passkey store (CTAP2, internal), resident keys, user verified.</summary>
    private static void AddPasskeyAuthenticator(Person person) =>
        ((WebDriver)person.Driver).AddVirtualAuthenticator(new VirtualAuthenticatorOptions()
            .SetProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
            .SetTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
            .SetHasResidentKey(true)
            .SetHasUserVerification(true)
            .SetIsUserVerified(true));

    private static void SignOut(Person person)
    {
        person.Click("sign-out");
        person.Expect("You are signed out.", () => person.Text("notice"));
    }

    /// <summary>Types email, password and team, and expects the second-factor step.</summary>
    private static void SignInToSecondFactor(Person person, string email, string team)
    {
        person.Go("/SignIn");
        person.Fill("Email", email);
        person.Fill("Password", Password);
        person.Fill("TeamHandle", team);
        person.Click("sign-in");
        person.Expect("Second factor", () => person.Driver.FindElement(By.CssSelector("#second-factor-step h2")).Text);
    }

    [SkippableFact]
    public void Authenticator_EnrolWithTheQrKey_ThenSignInWithPasswordAndCode_AndARecoveryCodeWorksOnce()
    {
        using var person = Open();
        SignUpAndSignIn(person, "totp");
        person.Go("/Security");
        AssertAxe(person, "/Security");
        var (secret, codes) = EnrolAuthenticator(person, checkAxe: true);
        AssertAxe(person, "/Security with recovery codes");
        person.Shot("security-recovery-codes");

        // Shown once: the page no longer shows the key or the codes.
        person.Go("/Security");
        Assert.Empty(person.Driver.FindElements(By.Id("authenticator-secret")));
        Assert.Empty(person.Driver.FindElements(By.Id("recovery-codes")));
        Assert.Equal("10", person.Text("recovery-codes-left"));

        // Password, then the code the app shows.
        SignOut(person);
        SignInToSecondFactor(person, "totp@example.com", "totp-robotics");
        AssertAxe(person, "/SignIn second-factor step");
        person.Fill("Code", "000000" == NextCode(secret) ? "111111" : "000000");
        person.Click("submit-code");
        person.Expect("The code is not correct or has been used already.", () => person.Text("field-Code-error"));
        person.Fill("Code", NextCode(secret));
        person.Click("submit-code");
        person.ExpectPath("/Users");

        // A recovery code works in place of the app's code, once.
        SignOut(person);
        SignInToSecondFactor(person, "totp@example.com", "totp-robotics");
        person.Fill("Code", codes[0]);
        person.Click("submit-code");
        person.ExpectPath("/Users");
        SignOut(person);
        SignInToSecondFactor(person, "totp@example.com", "totp-robotics");
        person.Fill("Code", codes[0]);
        person.Click("submit-code");
        person.Expect("The code is not correct or has been used already.", () => person.Text("field-Code-error"));
        person.Fill("Code", codes[1]);
        person.Click("submit-code");
        person.ExpectPath("/Users");
        person.Go("/Security");
        Assert.Equal("8", person.Text("recovery-codes-left"));

        // New codes replace the old ones (a second factor was proven just now, so no step-up is asked).
        person.Click("regenerate-codes");
        person.Confirm("Generate new recovery codes?");
        person.Expect("New recovery codes are ready: the old ones no longer work.", () => person.Text("outcome"));
        Assert.Equal(10, person.Column("#recovery-codes .recovery-code").Count);
        Assert.DoesNotContain(codes[2], person.Column("#recovery-codes .recovery-code"));

        // Removing the app ends the other sessions; the next sign-in asks for no code.
        person.Go("/Security");
        person.Click("remove-authenticator");
        person.Confirm("Remove your authenticator app");
        person.Expect("Your authenticator app and recovery codes are removed; your other sessions were signed out.", () => person.Text("notice"));
        SignOut(person);
        SignIn(person, "totp@example.com", "totp-robotics");
    }

    [SkippableFact]
    public void Passkey_RegisterWithTheVirtualAuthenticator_SignInWithItAlone_RenameAndRemove()
    {
        using var person = Open();
        AddPasskeyAuthenticator(person);
        SignUpAndSignIn(person, "passkey");
        person.Go("/Security");
        Assert.Equal("You have no passkeys yet: name one below (such as Work laptop) and register it.", person.Text("no-passkeys"));

        // A name first: the ceremony does not start without one.
        person.Click("register-passkey");
        person.Expect("Name the passkey, such as Work laptop (up to 100 characters).", () => person.Text("register-passkey-status"));
        person.Fill("PasskeyName", "Work laptop");
        person.Click("register-passkey");
        person.Expect("Passkey Work laptop registered.", () => person.Text("notice"));
        Assert.Equal(["Work laptop"], person.Column("#passkeys .passkey-name").Select(n => n.Replace(" synced", "", StringComparison.Ordinal)));
        AssertAxe(person, "/Security with a passkey");

        // The passkey alone signs in: no email, no password.
        SignOut(person);
        person.Go("/SignIn");
        AssertAxe(person, "/SignIn with passkeys");
        person.Fill("PasskeyTeamHandle", "passkey-robotics");
        person.Click("sign-in-passkey");
        person.ExpectPath("/Users");
        Assert.Contains("passkey Robotics", person.Text("current-team"), StringComparison.Ordinal);

        // Rename, then remove (the passkey was just proven, so no step-up is asked).
        person.Go("/Security");
        var row = person.Driver.FindElement(By.CssSelector("tr.passkey-row"));
        var field = row.FindElement(By.CssSelector("input.passkey-new-name"));
        field.Clear();
        field.SendKeys("Old laptop");
        row.FindElement(By.CssSelector("button.rename-passkey")).Click();
        person.Expect("Passkey renamed to Old laptop.", () => person.Text("notice"));
        person.Driver.FindElement(By.CssSelector("tr.passkey-row button.remove-passkey")).Click();
        person.Confirm("Remove the passkey Old laptop?");
        person.Expect("Passkey Old laptop removed; your other sessions were signed out.", () => person.Text("notice"));
        Assert.Empty(person.Driver.FindElements(By.CssSelector("tr.passkey-row")));
    }

    [SkippableFact]
    public void Passkey_AsTheSecondFactorOfAPasswordSignIn()
    {
        using var person = Open();
        AddPasskeyAuthenticator(person);
        SignUpAndSignIn(person, "pk2fa");
        person.Go("/Security");
        person.Fill("PasskeyName", "Phone");
        person.Click("register-passkey");
        person.Expect("Passkey Phone registered.", () => person.Text("notice"));

        SignOut(person);
        SignInToSecondFactor(person, "pk2fa@example.com", "pk2fa-robotics");
        person.Click("use-passkey");
        person.ExpectPath("/Users");
    }

    [SkippableFact]
    public void SecondFactorPolicy_StepUpToSetIt_NewMemberLedToEnrol_AndSwitchingAsksForTheSecondFactor()
    {
        // Two more browsers sign in before their user has any second factor: their sessions will have proven none.
        using var owner = Open();
        SignUpAndSignIn(owner, "policy");
        using var earlier = Open();
        SignIn(earlier, "policy@example.com", "policy-robotics");
        using var another = Open();
        SignIn(another, "policy@example.com", "policy-robotics");

        // The owner creates a second team and requires a second factor there; with none yet, the page leads to set one up.
        owner.Go("/MyAccount");
        owner.Fill("TeamName", "Policy Vault");
        owner.Fill("TeamHandle", "policy-vault");
        owner.Click("create-team");
        owner.ExpectPath("/Users");
        owner.Go("/Security");
        owner.Click("sign-in-policy-link");
        owner.ExpectPath("/SignInPolicy");
        AssertAxe(owner, "/SignInPolicy");
        owner.Click("policy-second-factor");
        owner.Click("save-policy");
        owner.ExpectPath("/Security");
        Assert.Equal("Set up a second factor yourself first: then you can require one of your team.", owner.Text("error"));
        var (secret, codes) = EnrolAuthenticator(owner);
        owner.Go("/SignInPolicy");
        owner.Click("policy-second-factor");
        owner.Click("save-policy");
        owner.Expect("Sign-in policy saved.", () => owner.Text("notice"));

        // A session that proved no second factor: changing a policy is a dangerous action, so it asks for one first
        // (step-up, here with a recovery code) and comes back to the page.
        // (The policy of the first team stays "not required": the earlier browser's session lives there.)
        another.Go("/SignInPolicy");
        another.Click("policy-none");
        another.Click("save-policy");
        another.ExpectPath("/StepUp");
        Assert.Contains("then try again", another.Text("step-up-reason"), StringComparison.Ordinal);
        another.Fill("Code", codes[0]);
        another.Click("step-up");
        another.ExpectPath("/SignInPolicy");
        another.Click("policy-none");
        another.Click("save-policy");
        another.Expect("Sign-in policy saved.", () => another.Text("notice"));

        // Switching into the team that requires a second factor, from a session without one: the second factor, not a password.
        earlier.Go("/MyAccount");
        earlier.Choose("team-select", "Policy Vault (Owner)");
        earlier.Click("switch");
        earlier.ExpectPath("/StepUp");
        Assert.Contains("authenticator app", earlier.Text("step-up-reason"), StringComparison.Ordinal);
        AssertAxe(earlier, "/StepUp");
        earlier.Fill("Code", NextCode(secret));
        earlier.Click("step-up");
        earlier.ExpectPath("/Users");
        earlier.Expect("Confirmed: you switched team.", () => earlier.Text("notice"));
        Assert.Contains("Policy Vault", earlier.Text("current-team"), StringComparison.Ordinal);

        // A new member of the team, with no second factor, is led to set one up at sign-in, not locked out.
        Invite(owner, "recruit@example.com", "Member");
        using var recruit = Open();
        recruit.OpenMail("recruit@example.com");
        recruit.Fill("FirstName", "Grace");
        recruit.Fill("LastName", "Hopper");
        recruit.Fill("Password", Password);
        recruit.Click("accept");
        recruit.ExpectPath("/SignIn");
        Assert.Contains("This team requires a second factor: sign in to set one up.", recruit.Text("notice"), StringComparison.Ordinal);
        SignInToSecondFactor(recruit, "recruit@example.com", "policy-vault");
        var recruitSecret = recruit.Text("authenticator-secret");
        AssertAxe(recruit, "/SignIn enrolment step");
        recruit.Fill("Code", new Totp(Base32Encoding.ToBytes(recruitSecret)).ComputeTotp());
        recruit.Click("submit-code");
        Assert.Equal(10, recruit.Column("#recovery-codes .recovery-code").Count);
        AssertAxe(recruit, "/SignIn recovery codes");
        recruit.Click("continue");
        recruit.ExpectPath("/Users");
        Assert.Contains("Policy Vault", recruit.Text("current-team"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void PasskeyOnlyPolicy_StepUpWithAPasskey_SignInAsksForThePasskey_AndAMemberWithoutOneEnrolsOne()
    {
        using var owner = Open();
        AddPasskeyAuthenticator(owner);
        SignUpAndSignIn(owner, "pkonly");

        // Without a passkey of their own, the guardian may not shut the team to everything but passkeys.
        owner.Go("/SignInPolicy");
        owner.Click("policy-passkey");
        owner.Click("save-policy");
        owner.Expect("Register a passkey yourself first: a team that accepts only passkeys would otherwise shut you out.", () => owner.Text("policy-error"));
        AssertAxe(owner, "/SignInPolicy with an error");

        owner.Go("/Security");
        owner.Fill("PasskeyName", "Security key");
        owner.Click("register-passkey");
        owner.Expect("Passkey Security key registered.", () => owner.Text("notice"));

        // This session proved no passkey yet: the policy change asks for one (step-up with the passkey) and comes back.
        owner.Go("/SignInPolicy");
        owner.Click("policy-passkey");
        owner.Click("save-policy");
        owner.ExpectPath("/StepUp");
        owner.Click("step-up-passkey");
        owner.ExpectPath("/SignInPolicy");
        owner.Click("policy-passkey");
        owner.Click("save-policy");
        owner.Expect("Sign-in policy saved.", () => owner.Text("notice"));
        Assert.True(owner.Driver.FindElement(By.Id("policy-passkey")).Selected);

        // Password, then only a passkey will do.
        Invite(owner, "nokey@example.com", "Member");
        SignOut(owner);
        SignInToSecondFactor(owner, "pkonly@example.com", "pkonly-robotics");
        Assert.Empty(owner.Driver.FindElements(By.Id("field-Code")));
        AssertAxe(owner, "/SignIn passkey step");
        owner.Click("use-passkey");
        owner.ExpectPath("/Users");

        // A member with no passkey is not locked out: the sign-in's enrolment step registers their first passkey (with the
        // sign-in's enrolment ticket, good for that one passkey only) and signs them in with it.
        using var member = Open();
        AddPasskeyAuthenticator(member);
        member.OpenMail("nokey@example.com");
        member.Fill("FirstName", "Ada");
        member.Fill("LastName", "Lovelace");
        member.Fill("Password", Password);
        member.Click("accept");
        member.ExpectPath("/SignIn");
        member.Go("/SignIn");
        member.Fill("Email", "nokey@example.com");
        member.Fill("Password", Password);
        member.Fill("TeamHandle", "pkonly-robotics");
        member.Click("sign-in");
        Assert.Contains("This team accepts only passkeys, and you have none yet", member.Text("passkey-enrol-step"), StringComparison.Ordinal);
        Assert.Empty(member.Driver.FindElements(By.Id("field-Code")));
        AssertAxe(member, "/SignIn passkey-only enrolment");
        member.Click("enrol-passkey");
        member.Expect("Name the passkey, such as Work laptop (up to 100 characters).", () => member.Text("enrol-passkey-status"));
        member.Fill("PasskeyName", "Ada's laptop");
        member.Click("enrol-passkey");
        member.ExpectPath("/Users");
        member.Go("/Security");
        Assert.Equal("Ada's laptop", member.Driver.FindElement(By.CssSelector("#passkeys .passkey-row")).GetAttribute("data-name"));

        // The next sign-in asks for that passkey, not for another enrolment.
        SignOut(member);
        SignInToSecondFactor(member, "nokey@example.com", "pkonly-robotics");
        member.Click("use-passkey");
        member.ExpectPath("/Users");
    }
}
