using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using TeamAccess.Accounts;
using TeamAccess.TeamRoles;
using TeamAccess.Teams;

namespace TeamAccess.Samples.Portal.Tests;

/// <summary>
/// The defects of portal review 3 (shared/reviews/portal-review-3.md), each shown fixed in the browser, the pages of the
/// UI package, and axe-core on every page (injected from the Deque.AxeCore.Commons package: nothing is downloaded).
/// </summary>
public sealed partial class PortalBrowserTests
{
    private static readonly Lazy<string> AxeScript = new(() => new Deque.AxeCore.Commons.BundledAxeScriptProvider().GetScript());

    /// <summary>Runs axe-core on the page and lists its serious and critical violations as "rule: element".</summary>
    private static List<string> SeriousViolations(Person person)
    {
        var js = (IJavaScriptExecutor)person.Driver;
        js.ExecuteScript(AxeScript.Value);
        person.Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        var json = (string?)js.ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1];"
            + "axe.run(document, { resultTypes: ['violations'] })"
            + ".then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')) })))))"
            + ".catch(e => done(JSON.stringify([{ id: 'axe-error: ' + e, impact: 'critical', nodes: [] }])));");
        using var document = JsonDocument.Parse(json ?? "[]");
        return [.. document.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")];
    }

    private void CheckAxe(Person person, string path, Dictionary<string, List<string>> found)
    {
        person.Go(path);
        person.Expect("complete", () => ((IJavaScriptExecutor)person.Driver).ExecuteScript("return document.readyState") as string ?? "");
        found[path + " (" + new Uri(person.Driver.Url).AbsolutePath + ")"] = SeriousViolations(person);
    }

    /// <summary>Finds a team and its owner's user id, to set up what no page makes (a team role).</summary>
    private async Task<(UserId Owner, TeamId Team)> OwnerAndTeamAsync(string owner, string handle)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<IUserService>().FindByEmailAsync(owner);
        var team = await scope.ServiceProvider.GetRequiredService<ITeamService>().FindByHandleAsync(handle);
        return (user!.Id, team!.Id);
    }

    [SkippableFact]
    public async Task TeamRole_IsShownOnEdit_AndSavingKeepsIt()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "roles");
        Invite(owner, "technician@example.com", "Member");
        using var tech = Accept("technician@example.com");
        var (ownerId, teamId) = await OwnerAndTeamAsync("roles@example.com", "roles-robotics");
        await using var scope = portal.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ITeamRoleService>().CreateAsync(ownerId, teamId, new TeamRoleRequest { Name = "Technician", Rank = 150 });
        Assert.True(created.Succeeded, created.Error?.ToString());

        // The team's role is offered everywhere a role is chosen.
        owner.Go("/Invite");
        Assert.Contains("Technician", owner.Column("#invite-role option"));
        owner.Go("/Users");
        Assert.Contains("Technician", owner.Column("#filter-role option"));

        owner.Row("technician@example.com").FindElement(By.CssSelector("a.edit")).Click();
        owner.ExpectPath("/EditUser");
        owner.Choose("role", "Technician");
        owner.Click("save");
        owner.ExpectPath("/Users");
        owner.Expect("Technician", () => owner.Row("technician@example.com").FindElement(By.CssSelector(".role")).Text);

        // Review 3, problem 2: the Edit page preselected Observer for a team role, and any Save demoted the member.
        owner.Row("technician@example.com").FindElement(By.CssSelector("a.edit")).Click();
        owner.ExpectPath("/EditUser");
        Assert.Equal("Technician", owner.Driver.FindElement(By.CssSelector("#role option:checked")).Text);
        owner.Click("save");
        owner.ExpectPath("/Users");
        Assert.Equal("Saved technician@example.com.", owner.Text("notice"));
        Assert.Equal("Technician", owner.Row("technician@example.com").FindElement(By.CssSelector(".role")).Text);
    }

    [SkippableFact]
    public void ARefusal_IsNotShownAgainOnTheNextPage()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "stale");
        owner.Go("/Invite");
        owner.Fill("Addresses", string.Join(' ', Enumerable.Range(1, 60).Select(i => $"many{i:00}@example.com")));
        owner.Click("send-invites");
        owner.Expect("You can invite at most 50 addresses at a time.", () => owner.Text("addresses-error"));
        Assert.Equal("true", owner.Driver.FindElement(By.Id("Addresses")).GetAttribute("aria-invalid"));

        // Review 3, problem 1: a [TempData] notice rendered with return Page() came back on the next page.
        owner.Go("/Users");
        Assert.Empty(owner.Driver.FindElements(By.Id("error")));
        Assert.Empty(owner.Driver.FindElements(By.Id("notice")));

        owner.Go("/SignIn");
        owner.Go("/Users");
        Assert.Empty(owner.Driver.FindElements(By.Id("error")));
    }

    [SkippableFact]
    public void SignUp_ShowsEveryFieldsErrorBesideIt_AtOnce_InWords()
    {
        using var sam = Open();
        sam.Go("/SignUp");
        Assert.Contains("At least 15 characters", sam.Text("field-Password-hint"), StringComparison.Ordinal);
        sam.Fill("Email", "not-an-address");
        sam.Fill("Password", "short");
        sam.Click("sign-up");
        sam.Expect("Please correct the fields marked below.", () => sam.Text("error"));

        // Review 3, problem 5: one error at a time, above the heading, as codes ("(TooShort)").
        Assert.Equal("The email address is not valid.", sam.Text("field-Email-error"));
        Assert.Equal("The password does not meet the policy: it must have at least 15 characters.", sam.Text("field-Password-error"));
        Assert.Equal("Enter a name.", sam.Text("field-FirstName-error"));
        Assert.Equal("Enter a name.", sam.Text("field-LastName-error"));
        Assert.Equal("Enter a name.", sam.Text("field-TeamName-error"));
        Assert.StartsWith("A handle has 3 to 63", sam.Text("field-TeamHandle-error"), StringComparison.Ordinal);
        var email = sam.Driver.FindElement(By.Id("field-Email"));
        Assert.Equal("true", email.GetAttribute("aria-invalid"));
        Assert.Contains("field-Email-error", email.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("not-an-address", email.GetAttribute("value"));
        Assert.DoesNotContain("TooShort", sam.Driver.PageSource, StringComparison.Ordinal);
        sam.Shot("sign-up-errors");
    }

    [SkippableFact]
    public void Groups_RemoveAMemberAndDeleteTheGroup_AfterAConfirmationNamingThem()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "crew");
        Invite(owner, "hand@example.com", "Member");
        using var hand = Accept("hand@example.com");
        CreateGroup(owner, "Night shift", "night-shift");
        Assert.Equal("Groups", owner.Text("nav-groups"));
        Assert.Equal("Groups", owner.Driver.FindElement(By.TagName("h1")).Text);
        var group = owner.Driver.FindElement(By.CssSelector("section.group-row[data-handle='night-shift']"));
        group.FindElements(By.CssSelector("select.add-member-select option")).Single(o => o.Text == "Grace Hopper (hand@example.com)").Click();
        group.FindElement(By.CssSelector("button.add-member")).Click();
        owner.Expect("hand@example.com", () => GroupMembers(owner, "night-shift"));

        var remove = owner.Driver.FindElement(By.CssSelector("section.group-row[data-handle='night-shift'] li.group-member[data-email='hand@example.com'] button.remove-member"));
        Assert.Contains("text-danger", remove.GetAttribute("class"), StringComparison.Ordinal);
        remove.Click();
        owner.Confirm("Remove hand@example.com from the group Night shift?");
        owner.Expect("Member removed from Night shift.", () => owner.Text("notice"));
        Assert.Equal("", GroupMembers(owner, "night-shift"));

        var delete = owner.Driver.FindElement(By.CssSelector("section.group-row[data-handle='night-shift'] button.delete-group"));
        Assert.Contains("btn-outline-danger", delete.GetAttribute("class"), StringComparison.Ordinal);
        delete.Click();
        owner.Confirm("Delete the group Night shift (night-shift)?");
        owner.Expect("Group deleted.", () => owner.Text("notice"));
        Assert.Empty(owner.Driver.FindElements(By.CssSelector("section.group-row")));
        Assert.NotEmpty(owner.Driver.FindElements(By.Id("no-groups")));
    }

    [SkippableFact]
    public void RoleChanged_TheMemberIsToldWhy_AndSignsInBackToTheirPage()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "notify");
        Invite(owner, "worker@example.com", "Member");
        using var worker = Accept("worker@example.com");
        worker.Go("/Groups");

        owner.Go("/Users");
        owner.Row("worker@example.com").FindElement(By.CssSelector("a.edit")).Click();
        owner.ExpectPath("/EditUser");
        owner.Choose("role", "Observer");
        owner.Click("save");
        owner.ExpectPath("/Users");
        Assert.Contains("signed out of this team", owner.Text("notice"), StringComparison.Ordinal);

        // Review 3, problem 4: a bare "Please sign in" with no reason and no way back. Now the sign-in page says why
        // (the handler's refusal names the reason; the address carries only that word and the page to return to).
        worker.Go("/Groups");
        worker.ExpectPath("/SignIn");
        Assert.Equal("Your session ended because your role in this team changed. Sign in again to continue with your new role.", worker.Text("session-ended"));
        Assert.Contains("reason=RoleChanged", worker.Driver.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", new Uri(worker.Driver.Url).Query, StringComparison.Ordinal);
        worker.Fill("Email", "worker@example.com");
        worker.Fill("Password", Password);
        worker.Fill("TeamHandle", "notify-robotics");
        worker.Click("sign-in");
        worker.ExpectPath("/Groups");
    }

    [SkippableFact]
    public void HostPage_AtTheSamePath_ReplacesThePackagesPage_AndTheLayoutIsBootstrap()
    {
        using var visitor = Open();
        visitor.Go("/");
        Assert.Equal("Team portal", visitor.Text("portal-home"));
        Assert.Equal("Skip to main content", visitor.Driver.FindElement(By.Id("skip-link")).GetAttribute("textContent"));
        Assert.NotEmpty(visitor.Driver.FindElements(By.CssSelector("meta[name='viewport'][content*='width=device-width']")));

        // Bootstrap is served from the package's static web assets: its dark background is on the navigation bar.
        visitor.Expect("rgb(33, 37, 41)", () => ((IJavaScriptExecutor)visitor.Driver).ExecuteScript("return getComputedStyle(document.querySelector('nav.navbar')).backgroundColor") as string ?? "");
        Assert.DoesNotContain("cdn", visitor.Driver.PageSource, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public void PhoneSizedWindow_GetsTheResponsivePage_WithoutSidewaysScrolling()
    {
        using var phone = Open();
        SignUpAndSignIn(phone, "pocket");
        phone.Driver.Manage().Window.Size = new System.Drawing.Size(360, 740);
        foreach (var path in new[] { "/Users", "/Groups", "/Invitations", "/Audit", "/Invite" })
        {
            phone.Go(path);
            var page = Convert.ToInt64(((IJavaScriptExecutor)phone.Driver).ExecuteScript("return document.documentElement.scrollWidth"), System.Globalization.CultureInfo.InvariantCulture);
            var window = Convert.ToInt64(((IJavaScriptExecutor)phone.Driver).ExecuteScript("return document.documentElement.clientWidth"), System.Globalization.CultureInfo.InvariantCulture);
            var wide = ((IJavaScriptExecutor)phone.Driver).ExecuteScript(
                "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-responsive')).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).join(' ')") as string;
            Assert.True(page <= window, $"{path} is {page} px wide in a {window} px window: {wide}");
        }

        // The navigation folds behind its menu button.
        Assert.True(phone.Driver.FindElement(By.CssSelector("button.navbar-toggler")).Displayed);
        Assert.False(phone.Driver.FindElement(By.Id("nav-users")).Displayed);
        phone.Shot("phone-users");
    }

    [SkippableFact]
    public async Task EveryPage_HasNoSeriousOrCriticalAxeViolation()
    {
        var found = new Dictionary<string, List<string>>();
        using var visitor = Open();
        foreach (var path in new[] { "/", "/SignUp", "/SignIn", "/SignIn?reason=RoleChanged&returnUrl=%2FGroups", "/ResetPassword", "/Accept", "/ConfirmEmail", "/SsoSignIn", "/Outbox", "/Users" })
        {
            CheckAxe(visitor, path, found);
        }

        visitor.Go("/SignUp");
        visitor.Click("sign-up");
        visitor.Expect("Please correct the fields marked below.", () => visitor.Text("error"));
        found["/SignUp with errors"] = SeriousViolations(visitor);

        using var owner = Open();
        SignUpAndSignIn(owner, "axe");
        Invite(owner, "axe-member@example.com nobody@@example", "Member");
        found["/Invite with outcomes"] = SeriousViolations(owner);
        using var member = Accept("axe-member@example.com");
        CreateGroup(owner, "Axe crew", "axe-crew");
        Grant(owner, "device-7", "Grace Hopper (axe-member@example.com)", "read");
        foreach (var path in new[] { "/Users", "/Invite", "/Invitations", "/Groups", "/TeamRoles", "/Ownership", "/Audit", "/Devices", "/SsoPolicy", "/MyAccount" })
        {
            CheckAxe(owner, path, found);
        }

        owner.Go("/Users");
        owner.Row("axe-member@example.com").FindElement(By.CssSelector("a.edit")).Click();
        owner.ExpectPath("/EditUser");
        found["/EditUser"] = SeriousViolations(owner);
        CheckAxe(member, "/Invite", found);
        CheckAxe(member, "/Devices", found);
        CheckAxe(member, "/TeamRoles", found);
        CheckAxe(member, "/Ownership", found);

        // The security and enterprise pages, and the StepUp page they send to.
        foreach (var path in new[] { "/ApiKeys", "/Security", "/StepUp", "/SignInPolicy", "/Sessions", "/TeamSso", "/Domains", "/Directory" })
        {
            CheckAxe(owner, path, found);
        }

        // The sign-in's second-factor step, for someone with an authenticator app.
        await EnrolAuthenticatorAsync(owner);
        using var second = Open();
        second.Go("/SignIn");
        second.Fill("Email", "axe@example.com");
        second.Fill("Password", Password);
        second.Fill("TeamHandle", "axe-robotics");
        second.Click("sign-in");
        second.Expect("second-factor-step", () => second.Driver.FindElement(By.Id("second-factor-step")).GetAttribute("id") ?? "");
        found["/SignIn second-factor step"] = SeriousViolations(second);

        var report = string.Join('\n', found.Select(f => $"{f.Key}: {(f.Value.Count == 0 ? "no serious or critical violation" : string.Join("; ", f.Value))}"));
        File.WriteAllText(Path.Combine(portal.Screenshots, "axe-results.txt"), report + "\n");
        Assert.True(found.Values.All(v => v.Count == 0), report);
    }

    [SkippableFact]
    public void MyAccount_CreatesASecondTeam_ChangesThePassword_AndLeavesATeam()
    {
        const string NewPassword = "another long passphrase for owner";
        using var owner = Open();
        SignUpAndSignIn(owner, "founder");
        Invite(owner, "leaver@example.com", "Member");
        using var leaver = Accept("leaver@example.com");

        // Review 3: no page created a second team ("The email address is already taken.").
        owner.Click("nav-my-account");
        owner.ExpectPath("/MyAccount");
        owner.Fill("TeamName", "Beta Labs");
        owner.Fill("TeamHandle", "beta-labs");
        owner.Click("create-team");
        owner.ExpectPath("/Users");
        Assert.Equal("Team Beta Labs created: you are its Owner.", owner.Text("notice"));
        Assert.Contains("Beta Labs (Owner)", owner.Driver.FindElement(By.CssSelector("#team-select option:checked")).Text, StringComparison.Ordinal);
        Assert.Contains("founder Robotics (Owner)", owner.Text("team-select"), StringComparison.Ordinal);

        owner.Go("/MyAccount");
        owner.Fill("CurrentPassword", "not my password at all");
        owner.Fill("NewPassword", NewPassword);
        owner.Click("change-password");
        owner.Expect("The email address or password is not correct.", () => owner.Text("field-CurrentPassword-error"));
        owner.Fill("CurrentPassword", Password);
        owner.Fill("NewPassword", NewPassword);
        owner.Click("change-password");
        owner.Expect("Your password is changed; your other sessions have ended.", () => owner.Text("notice"));
        owner.Go("/Users");
        owner.ExpectPath("/Users");

        leaver.Go("/MyAccount");
        leaver.Click("leave-team");
        leaver.Confirm("Leave the team founder Robotics?");
        leaver.ExpectPath("/SignIn");
        Assert.StartsWith("You left the team.", leaver.Text("notice"), StringComparison.Ordinal);
        owner.Go("/Users");
        Assert.Empty(owner.Driver.FindElements(By.CssSelector("tr.user-row[data-email='leaver@example.com']")));
    }
}
