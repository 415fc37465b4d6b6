using OpenQA.Selenium;

namespace TeamAccess.Samples.Portal.Tests;

/// <summary>The portal's account pages in headless Chromium, as people use them.</summary>
public sealed partial class PortalBrowserTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Password = "correct horse battery staple";

    private sealed class Person(IWebDriver driver, PortalFixture portal) : IDisposable
    {
        public IWebDriver Driver => driver;

        public void Go(string path) => driver.Navigate().GoToUrl(portal.BaseUrl + path);

        public void Fill(string name, string value)
        {
            var field = driver.FindElement(By.Name(name));
            field.Clear();
            field.SendKeys(value);
        }

        public void Click(string id) => driver.FindElement(By.Id(id)).Click();

        /// <summary>
        /// Waits until <paramref name="read"/> gives <paramref name="expected"/>: a click starts the next page's load without
        /// waiting for it, so what the old page shows must not be taken for the new page's answer. The 60 s only bound a
        /// hang: a machine whose cores are busy may take seconds to load a page.
        /// </summary>
        public void Expect(string expected, Func<string> read)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            var seen = "";
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    seen = read();
                    if (seen == expected)
                    {
                        return;
                    }
                }
                catch (WebDriverException)
                {
                    // The page is between loads (a stale or missing element): look again.
                }

                Thread.Sleep(50);
            }

            Assert.Equal(expected, seen);
        }

        public void ExpectPath(string path) => Expect(path, () => new Uri(driver.Url).AbsolutePath);

        /// <summary>Picks the option showing <paramref name="text"/> in the drop-down <paramref name="id"/>.</summary>
        public void Choose(string id, string text) =>
            driver.FindElement(By.Id(id)).FindElements(By.TagName("option")).Single(o => o.Text == text).Click();

        public string Text(string id) => driver.FindElement(By.Id(id)).Text;

        public IReadOnlyList<string> Column(string selector) => [.. driver.FindElements(By.CssSelector(selector)).Select(e => e.Text)];

        public IWebElement Row(string email) => driver.FindElement(By.CssSelector($"tr.user-row[data-email='{email}']"));

        /// <summary>Opens the newest outbox message to <paramref name="email"/>, as clicking the mail's link would.</summary>
        public void OpenMail(string email)
        {
            Go("/Outbox");
            Go(driver.FindElement(By.CssSelector($"a.mail-link[data-to='{email}']")).GetAttribute("href")!.Replace(portal.BaseUrl, "", StringComparison.Ordinal));
        }

        /// <summary>Accepts the confirmation dialog of a destructive action, after checking that it names the person or thing.</summary>
        public void Confirm(string startsWith)
        {
            var alert = new OpenQA.Selenium.Support.UI.WebDriverWait(driver, TimeSpan.FromSeconds(30)).Until(d =>
            {
                try
                {
                    return d.SwitchTo().Alert();
                }
                catch (NoAlertPresentException)
                {
                    return null;
                }
            });
            Assert.StartsWith(startsWith, alert!.Text, StringComparison.Ordinal);
            alert.Accept();
        }

        public void Shot(string name) => ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(portal.Screenshots, name + ".png"));

        public void Dispose() => driver.Quit();
    }

    private Person Open() => new(portal.NewBrowser(), portal);

    /// <summary>Signs up, opens the activation link from the outbox, and signs in by team handle.</summary>
    private static void SignUpAndSignIn(Person person, string name)
    {
        person.Go("/SignUp");
        person.Fill("Email", $"{name}@example.com");
        person.Fill("Password", Password);
        person.Fill("FirstName", name);
        person.Fill("LastName", "Owner");
        person.Fill("TeamName", $"{name} Robotics");
        person.Fill("TeamHandle", $"{name}-robotics");
        person.Click("sign-up");
        person.ExpectPath("/Outbox");
        Assert.Contains("Check your inbox", person.Text("notice"), StringComparison.Ordinal);

        person.OpenMail($"{name}@example.com");
        person.Click("confirm-email");
        Assert.Contains("is confirmed", person.Text("confirmed"), StringComparison.Ordinal);
        SignIn(person, $"{name}@example.com", $"{name}-robotics");
    }

    private static void SignIn(Person person, string email, string team)
    {
        person.Go("/SignIn");
        person.Fill("Email", email);
        person.Fill("Password", Password);
        person.Fill("TeamHandle", team.ToUpperInvariant());
        person.Click("sign-in");
        person.ExpectPath("/Users");
    }

    private static void Invite(Person person, string addresses, string role)
    {
        person.Go("/Invite");
        person.Fill("Addresses", addresses);
        person.Choose("invite-role", role);
        person.Click("send-invites");
        person.Expect("outcomes", () => person.Driver.FindElement(By.Id("outcomes")).GetAttribute("id") ?? "");
    }

    /// <summary>Accepts the newest invitation to <paramref name="email"/> in a browser of its own, creating the account.</summary>
    private Person Accept(string email)
    {
        var invitee = Open();
        invitee.OpenMail(email);
        Assert.Contains("You are invited to", invitee.Text("offer"), StringComparison.Ordinal);
        invitee.Fill("FirstName", "Grace");
        invitee.Fill("LastName", "Hopper");
        invitee.Fill("Password", Password);
        invitee.Click("accept");
        invitee.ExpectPath("/Users");
        return invitee;
    }

    [SkippableFact]
    public void SignUp_ConfirmFromTheOutboxAndSignIn_ShowsTheUsersPage()
    {
        using var ada = Open();

        SignUpAndSignIn(ada, "ada");

        Assert.Equal(["Owner"], ada.Column("tr.user-row .role"));
        Assert.Equal(["Active"], ada.Column("tr.user-row .status"));
        Assert.Contains("ada Robotics (Owner)", ada.Text("team-select"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Invite_AcceptedInASecondBrowser_MakesAnActiveMember()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "inviter");

        Invite(owner, "grace@example.com taken@@example", "Member");
        Assert.Equal(["Invited", "Not a valid email address"], owner.Column("#outcomes .outcome"));
        owner.Shot("invite");
        owner.Go("/Users");
        owner.ExpectPath("/Users");
        Assert.Equal("Invited", owner.Row("grace@example.com").FindElement(By.CssSelector(".status")).Text);
        Assert.NotEmpty(owner.Row("grace@example.com").FindElements(By.CssSelector("button.resend")));

        using var grace = Accept("grace@example.com");

        Assert.Contains("Welcome to the team", grace.Text("notice"), StringComparison.Ordinal);
        owner.Go("/Users");
        Assert.Equal("Active", owner.Row("grace@example.com").FindElement(By.CssSelector(".status")).Text);
        owner.Go("/Invitations");
        Assert.Equal("Accepted", owner.Driver.FindElement(By.CssSelector("tr.invitation-row[data-email='grace@example.com'] .status")).Text);
    }

    [SkippableFact]
    public void UsersPage_PagesAndFilters_ByStatusRoleAndEmail()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "pager");
        Invite(owner, string.Join(' ', Enumerable.Range(1, 11).Select(i => $"crew{i:00}@example.com")), "Observer");

        owner.Go("/Users");
        Assert.Equal("12 users", owner.Text("total"));
        Assert.Equal(10, owner.Column("tr.user-row").Count);
        owner.Click("next-page");
        owner.Expect("crew11@example.com pager@example.com", () => string.Join(' ', owner.Driver.FindElements(By.CssSelector("tr.user-row")).Select(r => r.GetAttribute("data-email"))));

        owner.Go("/Users");
        owner.Choose("filter-status", "Invited");
        owner.Click("apply-filters");
        owner.Expect("11 users", () => owner.Text("total"));
        owner.Choose("filter-status", "Any");
        owner.Choose("filter-role", "Owner");
        owner.Click("apply-filters");
        owner.Expect("pager@example.com", () => string.Join(' ', owner.Driver.FindElements(By.CssSelector("tr.user-row")).Select(r => r.GetAttribute("data-email"))));
        owner.Choose("filter-role", "Any");
        owner.Fill("email", "crew0");
        owner.Click("apply-filters");
        owner.Expect("9 users", () => owner.Text("total"));
        owner.Shot("users");
    }

    [SkippableFact]
    public void EditUser_ChangeRoleWithNamesShownNotEdited_ThenDeactivateAndLastOwnerRefused()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "editor");
        Invite(owner, "member@example.com", "Member");
        using var member = Accept("member@example.com");

        owner.Go("/Users");
        owner.Row("member@example.com").FindElement(By.CssSelector("a.edit")).Click();
        Assert.False(owner.Driver.FindElement(By.Id("email")).Enabled);

        // A member's names are their own (review 3, M3): shown, not edited, by the team's Owner.
        Assert.False(owner.Driver.FindElement(By.Id("first-name")).Enabled);
        Assert.False(owner.Driver.FindElement(By.Id("last-name")).Enabled);
        owner.Choose("role", "Administrator");
        owner.Click("save");
        owner.ExpectPath("/Users");
        owner.Expect("Administrator", () => owner.Row("member@example.com").FindElement(By.CssSelector(".role")).Text);

        owner.Row("member@example.com").FindElement(By.CssSelector("button.deactivate")).Click();
        owner.Confirm("Deactivate Grace Hopper (member@example.com)?");
        owner.Expect("Inactive", () => owner.Row("member@example.com").FindElement(By.CssSelector(".status")).Text);
        owner.Row("member@example.com").FindElement(By.CssSelector("button.reactivate")).Click();
        owner.Expect("Active", () => owner.Row("member@example.com").FindElement(By.CssSelector(".status")).Text);

        owner.Row("editor@example.com").FindElement(By.CssSelector("a.edit")).Click();
        owner.ExpectPath("/EditUser");
        owner.Click("delete-user");
        owner.Confirm("Remove editor Owner (editor@example.com) from the team?");
        owner.Expect("This is the team's last Owner: transfer ownership to someone else first.", () => owner.Text("error"));
    }

    [SkippableFact]
    public void Member_InvitePageAndManageButtons_AreDenied()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "strict");
        Invite(owner, "plain@example.com", "Member");
        using var member = Accept("plain@example.com");

        Assert.Empty(member.Driver.FindElements(By.CssSelector("a.edit, button.deactivate, button.delete, #invite-users")));
        member.Go("/Invite");
        Assert.Equal("Access denied", member.Text("denied"));
        member.Go("/EditUser");
        Assert.Equal("Access denied", member.Text("denied"));
    }

    [SkippableFact]
    public void TeamSwitcher_AfterJoiningASecondTeam_MovesTheSession()
    {
        using var ada = Open();
        using var bob = Open();
        SignUpAndSignIn(ada, "commuter");
        SignUpAndSignIn(bob, "harbour");
        Invite(bob, "commuter@example.com", "Observer");

        ada.OpenMail("commuter@example.com");
        ada.Click("accept-signed-in");
        ada.Expect("You joined the team as Observer.", () => ada.Text("notice"));
        Assert.Contains("harbour Robotics (Observer)", ada.Driver.FindElement(By.CssSelector("#team-select option:checked")).Text, StringComparison.Ordinal);
        Assert.Empty(ada.Driver.FindElements(By.Id("invite-users")));

        ada.Choose("team-select", "commuter Robotics (Owner)");
        ada.Click("switch");
        ada.Expect("commuter Robotics (Owner)", () => ada.Driver.FindElement(By.CssSelector("#team-select option:checked")).Text);
        Assert.Equal(["commuter@example.com"], [.. ada.Driver.FindElements(By.CssSelector("tr.user-row")).Select(r => r.GetAttribute("data-email") ?? "")]);
        Assert.NotEmpty(ada.Driver.FindElements(By.Id("invite-users")));
    }
    /// <summary>Creates a group on the Teams tab.</summary>
    private static void CreateGroup(Person person, string name, string handle)
    {
        person.Go("/Groups");
        person.Fill("name", name);
        person.Fill("handle", handle);
        person.Click("create");
        person.Expect($"Group {handle} created.", () => person.Text("notice"));
    }

    /// <summary>Grants <paramref name="resource"/> on the Teams tab to the member or group shown as <paramref name="to"/>.</summary>
    private static void Grant(Person person, string resource, string to, string access)
    {
        person.Go("/Groups");
        person.Driver.FindElement(By.CssSelector($"#grant-resource option[value='{resource}']")).Click();
        person.Choose("grant-subject", to);
        person.Choose("grant-access", access);
        person.Click("grant");
        person.Expect(resource, () => person.Text("notice").Split(" on ")[^1].TrimEnd('.'));
    }

    private static List<string> Actions(Person person) => [.. person.Driver.FindElements(By.CssSelector("tr.audit-row .action")).Select(e => e.GetAttribute("data-action") ?? "")];

    private static string GroupMembers(Person person, string handle) =>
        string.Join(' ', person.Driver.FindElements(By.CssSelector($"section.group-row[data-handle='{handle}'] li.group-member")).Select(e => e.GetAttribute("data-email")));

    private static string Devices(Person person) => string.Join(' ', person.Column("tr.device-row .device"));

    private static string Writable(Person person) =>
        string.Join(' ', person.Driver.FindElements(By.CssSelector("tr.device-row")).Where(r => r.FindElements(By.CssSelector("button.write")).Count > 0).Select(r => r.GetAttribute("data-device")));

    [SkippableFact]
    public void AuditPage_ShowsTheTeamsEvents_NewestFirstAPageAtATime()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "auditor");
        Invite(owner, string.Join(' ', Enumerable.Range(1, 25).Select(i => $"hand{i:00}@example.com")), "Member");

        owner.Click("nav-audit");
        owner.ExpectPath("/Audit");
        var first = owner.Driver.FindElements(By.CssSelector("tr.audit-row")).Select(r => long.Parse(r.GetAttribute("data-sequence")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(20, first.Count);
        Assert.Equal(first.OrderDescending(), first);
        Assert.All(Actions(owner), a => Assert.Equal("membership.invited", a));
        Assert.All(owner.Column("tr.audit-row .action"), a => Assert.Equal("Membership: invited", a));
        Assert.All(owner.Column("tr.audit-row .actor"), a => Assert.Equal("auditor@example.com", a));
        owner.Shot("audit");

        owner.Click("next-page");
        owner.Expect("membership.invited", () => Actions(owner)[0]);
        var second = owner.Driver.FindElements(By.CssSelector("tr.audit-row")).Select(r => long.Parse(r.GetAttribute("data-sequence")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(second.Max() < first.Min());
        Assert.Equal(second.OrderDescending(), second);
        var actions = Actions(owner);
        Assert.Equal(5, actions.Count(a => a == "membership.invited"));
        Assert.Contains("team.created", actions);
        Assert.Contains("membership.added", actions);
    }

    [SkippableFact]
    public void GroupsAndGrants_DevicesPageListsOnlyWhatEachMayReadAndWritesWhereAllowed()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "fleet");
        Invite(owner, "tech@example.com", "Member");
        using var tech = Accept("tech@example.com");

        CreateGroup(owner, "Maintenance team", "maintenance-team");
        var row = owner.Driver.FindElement(By.CssSelector("section.group-row[data-handle='maintenance-team']"));
        row.FindElements(By.CssSelector("select.add-member-select option")).Single(o => o.Text == "Grace Hopper (tech@example.com)").Click();
        row.FindElement(By.CssSelector("button.add-member")).Click();
        owner.Expect("tech@example.com", () => GroupMembers(owner, "maintenance-team"));
        Grant(owner, "device-17", "Group: Maintenance team (maintenance-team)", "read");
        Grant(owner, "device-42", "Grace Hopper (tech@example.com)", "read and write");
        Grant(owner, "device-99", "fleet Owner (fleet@example.com)", "read and write");
        Assert.Equal(["Group: Maintenance team (maintenance-team)", "Grace Hopper (tech@example.com)", "fleet Owner (fleet@example.com)"], owner.Column("tr.grant-row .subject"));
        Assert.Equal(["read", "read and write", "read and write"], owner.Column("tr.grant-row .permissions"));
        owner.Shot("teams");

        tech.Click("nav-devices");
        tech.ExpectPath("/Devices");
        Assert.Equal("device-17 device-42", Devices(tech));
        Assert.Equal("device-42", Writable(tech));
        tech.Shot("devices-member");
        tech.Driver.FindElement(By.CssSelector("tr.device-row[data-device='device-42'] button.restart")).Click();
        tech.Expect("device-42 is restarting.", () => tech.Text("notice"));

        // The hidden button is not the only guard: the same form aimed at a device granted read-only is refused.
        ((IJavaScriptExecutor)tech.Driver).ExecuteScript(
            "const f = document.querySelector(\"tr.device-row[data-device='device-42'] form\"); f.action = f.action.replace('device-42', 'device-17'); f.submit();");
        tech.Expect("Access denied", () => tech.Text("denied"));
        Assert.Empty(tech.Driver.FindElements(By.Id("nav-audit")));
        tech.Go("/Audit");
        Assert.Equal("Access denied", tech.Text("denied"));

        // The Owner's role reaches every device of the portal's table, the one no grant names too.
        owner.Go("/Devices");
        Assert.Equal("device-17 device-42 device-7 device-99", Devices(owner));
        Assert.Equal("device-17 device-42 device-7 device-99", Writable(owner));
    }

    [SkippableFact]
    public void RoleChangedToObserver_TheDevicesWriteButtonDisappears()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "shift");
        Invite(owner, "operator@example.com", "Member");
        using var operatorBrowser = Accept("operator@example.com");
        Grant(owner, "device-42", "Grace Hopper (operator@example.com)", "read and write");

        operatorBrowser.Go("/Devices");
        Assert.Equal("device-42", Writable(operatorBrowser));

        owner.Go("/Users");
        owner.Row("operator@example.com").FindElement(By.CssSelector("a.edit")).Click();
        owner.ExpectPath("/EditUser");
        owner.Choose("role", "Observer");
        owner.Click("save");
        owner.ExpectPath("/Users");
        owner.Expect("Observer", () => owner.Row("operator@example.com").FindElement(By.CssSelector(".role")).Text);

        // The role change ended the operator's session (its membership's stamp changed): they sign in again as an Observer.
        SignIn(operatorBrowser, "operator@example.com", "shift-robotics");
        operatorBrowser.Go("/Devices");
        Assert.Equal("device-42", Devices(operatorBrowser));
        Assert.Equal("", Writable(operatorBrowser));
        operatorBrowser.Shot("devices-observer");
    }
    [SkippableFact]
    public void ActivationLink_OpenedWithoutPressingTheButton_ConfirmsNothing()
    {
        using var sam = Open();
        sam.Go("/SignUp");
        sam.Fill("Email", "scanned@example.com");
        sam.Fill("Password", Password);
        sam.Fill("FirstName", "Sam");
        sam.Fill("LastName", "Scanner");
        sam.Fill("TeamName", "Scanned Robotics");
        sam.Fill("TeamHandle", "scanned-robotics");
        sam.Click("sign-up");
        sam.ExpectPath("/Outbox");

        // As a mail scanner would: open the link, press nothing. The token left the address bar; no URL held it.
        sam.OpenMail("scanned@example.com");
        sam.ExpectPath("/ConfirmEmail");
        Assert.Equal("", new Uri(sam.Driver.Url).Fragment);
        sam.Go("/SignIn");
        sam.Fill("Email", "scanned@example.com");
        sam.Fill("Password", Password);
        sam.Fill("TeamHandle", "scanned-robotics");
        sam.Click("sign-in");
        // Nothing exists until the link is confirmed: not the account, not its team (security review 3, L3).
        sam.Expect("There is no such team, or you are not an active member of it.", () => sam.Text("error"));

        sam.OpenMail("scanned@example.com");
        sam.Click("confirm-email");
        Assert.Contains("is confirmed", sam.Text("confirmed"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ForgotPassword_TheResetLinkSetsANewPassword_AndTheOldOneStopsWorking()
    {
        using var ada = Open();
        SignUpAndSignIn(ada, "forgetful");
        const string NewPassword = "a brand new passphrase for forgetful";

        ada.Go("/SignIn");
        ada.Click("forgot-password");
        ada.ExpectPath("/ResetPassword");
        ada.Fill("Email", "forgetful@example.com");
        ada.Click("request-reset-link");
        ada.Expect("If an account has this address, we sent it a link to reset the password.", () => ada.Text("notice"));

        ada.OpenMail("forgetful@example.com");
        ada.ExpectPath("/ResetPassword");
        Assert.Equal("", new Uri(ada.Driver.Url).Fragment);
        ada.Fill("Password", NewPassword);
        ada.Click("reset-password");
        ada.ExpectPath("/SignIn");
        Assert.Contains("Your password is changed", ada.Text("notice"), StringComparison.Ordinal);

        ada.Fill("Email", "forgetful@example.com");
        ada.Fill("Password", Password);
        ada.Fill("TeamHandle", "forgetful-robotics");
        ada.Click("sign-in");
        ada.Expect("The email address or password is not correct.", () => ada.Text("error"));
        ada.Fill("Email", "forgetful@example.com");
        ada.Fill("Password", NewPassword);
        ada.Fill("TeamHandle", "forgetful-robotics");
        ada.Click("sign-in");
        ada.ExpectPath("/Users");
    }

    private static void StartTeamSso(Person person, string handle)
    {
        person.Go("/SignIn");
        person.Click("sso-link");
        person.ExpectPath("/SsoSignIn");
        person.Fill("TeamHandle", handle);
        person.Click("continue-sso");
    }

    [SkippableFact]
    public void TeamSso_ByTeamHandle_SendsToTheTeamsProviderAndJoinsJustInTime()
    {
        using var owner = Open();
        using var rivet = Open();
        SignUpAndSignIn(owner, "skyline");
        StartTeamSso(rivet, "skyline-robotics");
        rivet.Expect("skyline Robotics has no single sign-on: sign in with your password.", () => rivet.Text("error"));
        ((IJavaScriptExecutor)rivet.Driver).ExecuteScript(
            "const f = document.createElement('form'); f.method = 'post'; f.action = '/SsoSignIn/Callback';"
            + "for (const [n, v] of [['id_token', 'forged'], ['state', 'forged']]) { const i = document.createElement('input'); i.name = n; i.value = v; f.append(i); }"
            + "document.body.append(f); f.submit();");
        rivet.Expect("That sign-in was not started here, or took too long: start again.", () => rivet.Text("error"));

        owner.Click("nav-sso");
        owner.ExpectPath("/SsoPolicy");
        owner.Click("use-sso");
        owner.Fill("Domain", "sso.example");
        owner.Choose("sso-role", "Member");
        owner.Click("save-sso");
        owner.Expect("Sign-in policy saved.", () => owner.Text("notice"));

        StartTeamSso(rivet, " Skyline-Robotics ");
        rivet.ExpectPath("/FakeSso");
        rivet.Fill("Email", "rivet@elsewhere.example");
        rivet.Click("sso-sign-in");
        rivet.Expect("This provider signs in only addresses of sso.example.", () => rivet.Text("error"));
        rivet.Fill("Email", "rivet@sso.example");
        rivet.Shot("team-sso-provider");
        rivet.Click("sso-sign-in");
        rivet.ExpectPath("/Users");
        Assert.DoesNotContain("id_token", rivet.Driver.Url, StringComparison.Ordinal);

        // Review 3, problem 1: the provider's refusal must not reappear on the page after the successful join.
        Assert.Empty(rivet.Driver.FindElements(By.Id("error")));
        Assert.Contains("skyline Robotics (Member)", rivet.Driver.FindElement(By.CssSelector("#team-select option:checked")).Text, StringComparison.Ordinal);

        owner.Go("/Users");
        Assert.Equal("Member", owner.Row("rivet@sso.example").FindElement(By.CssSelector(".role")).Text);
        Assert.Equal("Active", owner.Row("rivet@sso.example").FindElement(By.CssSelector(".status")).Text);
    }
}
