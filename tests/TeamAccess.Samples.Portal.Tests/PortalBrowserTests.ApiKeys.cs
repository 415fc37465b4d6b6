using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using TeamAccess.Accounts;
using TeamAccess.AspNetCore;

namespace TeamAccess.Samples.Portal.Tests;

/// <summary>The API keys page (issue 23): service accounts, a key's secret shown once, step-up, revocation, and who sees what.</summary>
public sealed partial class PortalBrowserTests
{
    /// <summary>
    /// Enrols an authenticator for the person's session through the services (no page enrols one yet) and gives back a
    /// recovery code to step up with.
    /// </summary>
    private async Task<string> EnrolAuthenticatorAsync(Person person)
    {
        var token = person.Driver.Manage().Cookies.GetCookieNamed(TeamAccessAuthenticationDefaults.CookieName)!.Value;
        await using var scope = portal.Services.CreateAsyncScope();
        var factors = scope.ServiceProvider.GetRequiredService<ISecondFactorService>();
        var enrolment = (await factors.BeginEnrolmentAsync(token)).Value!;
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(enrolment.Secret)).ComputeTotp(DateTime.UtcNow);
        var confirmed = await factors.ConfirmEnrolmentAsync(token, code);
        Assert.True(confirmed.Succeeded, confirmed.Error?.ToString());
        return confirmed.Value!.RecoveryCodes[0];
    }

    /// <summary>A dangerous action was refused for want of a recent second factor: the StepUp page takes the code and goes back to <paramref name="back"/>.</summary>
    private static void StepUpWith(Person person, string code, string back)
    {
        person.ExpectPath("/StepUp");
        Assert.Equal("Confirm it is you: enter a code from your authenticator app (or a recovery code), or use a passkey; then try again.", person.Text("step-up-reason"));
        person.Fill("Code", code);
        person.Click("step-up");
        person.ExpectPath(back);
        person.Expect("Confirmed: you can continue.", () => person.Text("notice"));
    }

    private IWebElement Account(Person person, string name) => person.Driver.FindElement(By.CssSelector($"section.account-row[data-name='{name}']"));

    private static void CreateServiceAccount(Person person, string name, string role)
    {
        person.Fill("Name", name);
        person.Fill("Description", "Reports the state of the devices of hall 3");
        person.Choose("field-Role", role);
        person.Click("create");
        person.Expect($"Service account {name} created. Create a key for it below.", () => person.Text("notice"));
    }

    /// <summary>Fills in the key form of an account and presses Create key.</summary>
    private void CreateKey(Person person, string account, string label)
    {
        var row = Account(person, account);
        var field = row.FindElement(By.CssSelector("input.key-name"));
        field.Clear();
        field.SendKeys(label);
        row.FindElement(By.CssSelector("form.create-key-form button.create-key")).Click();
    }

    /// <summary>Calls the portal's HTTP API with the key, as a gateway would, and gives back the status and the problem's code.</summary>
    private async Task<(HttpStatusCode Status, string? Code)> CallWithKeyAsync(TeamId team, string key)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{portal.BaseUrl}/api/teams/{team.Value}/service-accounts");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        string? code = null;
        if (!response.IsSuccessStatusCode && body.Length > 0)
        {
            using var problem = JsonDocument.Parse(body);
            code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        }

        return (response.StatusCode, code);
    }

    [SkippableFact]
    public async Task ApiKeys_AdminCreatesAKey_SeesItOnce_ItWorks_AndRevokingStopsIt()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "keys");
        var (_, team) = await OwnerAndTeamAsync("keys@example.com", "keys-robotics");
        owner.Click("nav-api-keys");
        owner.ExpectPath("/ApiKeys");
        Assert.Equal("This team has no service accounts yet.", owner.Text("no-accounts"));

        // Every field's error beside it, in words.
        owner.Click("create");
        owner.Expect("Please correct the fields marked below.", () => owner.Text("error"));
        Assert.Equal("Enter a name.", owner.Text("field-Name-error"));
        Assert.Equal("Choose the role the service account acts with.", owner.Text("field-Role-error"));

        // The guardian role is never offered to a service account.
        Assert.DoesNotContain("Owner", owner.Column("#field-Role option"));
        CreateServiceAccount(owner, "gateway-hall-3", "Member");
        var account = Account(owner, "gateway-hall-3");
        Assert.Equal("Service account", account.FindElement(By.CssSelector(".kind")).Text);
        Assert.Equal("Member", account.FindElement(By.CssSelector(".role")).Text);
        Assert.Equal("Reports the state of the devices of hall 3", account.FindElement(By.CssSelector(".description")).Text);

        // Creating a key is a dangerous action: without a second factor the page says so in words, and makes nothing.
        CreateKey(owner, "gateway-hall-3", "hall-3-key");
        owner.Expect("Creating or rotating an API key needs a second factor, and your account has none yet: set up an authenticator app first, then try again.", () => owner.Text("error"));
        Assert.Empty(owner.Driver.FindElements(By.Id("issued-secret")));

        // With an authenticator not proven in this session, the StepUp page asks for a code (a recovery code here) and
        // brings the person back to the API keys page.
        var recovery = await EnrolAuthenticatorAsync(owner);
        owner.Go("/ApiKeys");
        CreateKey(owner, "gateway-hall-3", "hall-3-key");
        StepUpWith(owner, recovery, "/ApiKeys");

        CreateKey(owner, "gateway-hall-3", "hall-3-key");
        owner.Expect("ta_", () => (owner.Driver.FindElement(By.Id("issued-secret")).GetAttribute("value") ?? "")[..3]);
        var secret = owner.Driver.FindElement(By.Id("issued-secret")).GetAttribute("value")!;
        Assert.StartsWith("Copy the key hall-3-key of gateway-hall-3 now: it is shown only this once", owner.Text("issued-key-hint"), StringComparison.Ordinal);
        owner.Click("copy-secret");
        owner.Expect("true", () => (owner.Text("copy-status").Length > 0).ToString().ToLowerInvariant());
        var found = new Dictionary<string, List<string>> { ["/ApiKeys with a new key"] = SeriousViolations(owner) };
        owner.Shot("api-keys-new-key");

        // Shown once: a reload of the page has it nowhere.
        owner.Go("/ApiKeys");
        Assert.Empty(owner.Driver.FindElements(By.Id("issued-secret")));
        Assert.DoesNotContain(secret, owner.Driver.PageSource, StringComparison.Ordinal);
        var key = Account(owner, "gateway-hall-3").FindElement(By.CssSelector("tr.key-row[data-name='hall-3-key']"));
        Assert.Equal("Active", key.FindElement(By.CssSelector(".key-state")).Text);
        Assert.Equal("Never", key.FindElement(By.CssSelector(".last-used")).Text);
        Assert.Contains("in ", key.FindElement(By.CssSelector(".expires")).Text, StringComparison.Ordinal);
        found["/ApiKeys with keys"] = SeriousViolations(owner);

        // The key works against the portal's HTTP API, as the service account.
        Assert.Equal((HttpStatusCode.OK, null), await CallWithKeyAsync(team, secret));

        // Revoking asks first, naming the key and its account; then the key is refused.
        key.FindElement(By.CssSelector("button.revoke")).Click();
        owner.Confirm("Revoke the key hall-3-key of gateway-hall-3?");
        owner.Expect("Key hall-3-key revoked: it stops working on every instance within moments.", () => owner.Text("notice"));
        Assert.Equal("Revoked", Account(owner, "gateway-hall-3").FindElement(By.CssSelector("tr.key-row[data-name='hall-3-key'] .key-state")).Text);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var answer = await CallWithKeyAsync(team, secret);
        while (answer.Status == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            answer = await CallWithKeyAsync(team, secret);
        }

        Assert.Equal((HttpStatusCode.Unauthorized, "ApiKeyRevoked"), answer);
        var report = string.Join('\n', found.Select(f => $"{f.Key}: {string.Join("; ", f.Value)}"));
        Assert.True(found.Values.All(v => v.Count == 0), report);
    }

    [SkippableFact]
    public async Task ApiKeys_RotateKeepsTheOldKeyForTheOverlapPicked_AndDeleteNamesTheAccount()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "rotor");
        var (_, team) = await OwnerAndTeamAsync("rotor@example.com", "rotor-robotics");
        var recovery = await EnrolAuthenticatorAsync(owner);
        owner.Go("/ApiKeys");
        CreateServiceAccount(owner, "firmware-pipeline", "Administrator");
        CreateKey(owner, "firmware-pipeline", "ci");
        StepUpWith(owner, recovery, "/ApiKeys");
        CreateKey(owner, "firmware-pipeline", "ci");
        var first = owner.Driver.FindElement(By.Id("issued-secret")).GetAttribute("value")!;

        owner.Go("/ApiKeys");
        var row = Account(owner, "firmware-pipeline").FindElement(By.CssSelector("tr.key-row[data-name='ci']"));
        row.FindElements(By.CssSelector("select.overlap option")).Single(o => o.Text == "Overlap 7 days").Click();
        row.FindElement(By.CssSelector("button.rotate")).Click();
        owner.Expect("ta_", () => (owner.Driver.FindElement(By.Id("issued-secret")).GetAttribute("value") ?? "")[..3]);
        var second = owner.Driver.FindElement(By.Id("issued-secret")).GetAttribute("value")!;
        Assert.NotEqual(first, second);

        // Both keys work during the overlap; the old one is marked as rotated.
        Assert.Equal(HttpStatusCode.OK, (await CallWithKeyAsync(team, first)).Status);
        Assert.Equal(HttpStatusCode.OK, (await CallWithKeyAsync(team, second)).Status);
        owner.Go("/ApiKeys");
        Assert.Equal(["Active", "Rotated: works until it expires"], owner.Column("section.account-row[data-name='firmware-pipeline'] tr.key-row .key-state"));

        Account(owner, "firmware-pipeline").FindElement(By.CssSelector("form[data-confirm] button.delete")).Click();
        owner.Confirm("Delete the service account firmware-pipeline? All its keys stop working");
        owner.Expect("Service account firmware-pipeline deleted; its keys no longer work.", () => owner.Text("notice"));
        Assert.Equal("This team has no service accounts yet.", owner.Text("no-accounts"));
    }

    [SkippableFact]
    public async Task ApiKeys_ObserverAndMember_SeeTheAccounts_ButNoManageActions_AndTheReason()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "watch");
        var (ownerId, team) = await OwnerAndTeamAsync("watch@example.com", "watch-robotics");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var made = await scope.ServiceProvider.GetRequiredService<ServiceAccounts.IServiceAccountService>()
                .CreateAsync(ownerId, team, new ServiceAccounts.CreateServiceAccountRequest("telemetry-reader", "Observer"));
            Assert.True(made.Succeeded);
        }

        Invite(owner, "keys-observer@example.com", "Observer");
        using var observer = Accept("keys-observer@example.com");
        Invite(owner, "keys-member@example.com", "Member");
        using var member = Accept("keys-member@example.com");
        var found = new Dictionary<string, List<string>>();
        foreach (var viewer in new[] { observer, member })
        {
            Assert.Empty(viewer.Driver.FindElements(By.Id("nav-api-keys")));
            viewer.Go("/ApiKeys");
            viewer.ExpectPath("/ApiKeys");
            var account = Account(viewer, "telemetry-reader");
            Assert.Equal("Service account", account.FindElement(By.CssSelector(".kind")).Text);
            Assert.Equal("Creating, editing and deleting service accounts and their API keys needs the service-accounts.manage permission, which your role does not hold.", viewer.Text("manage-reason"));

            // No form acts; every action is shown disabled, described by the reason.
            Assert.Empty(viewer.Driver.FindElements(By.CssSelector("#main form button, table.keys, #create-account")));
            foreach (var action in new[] { "button#create", "section.account-row button.edit", "section.account-row button.delete", "section.account-row button.create-key" })
            {
                var button = viewer.Driver.FindElement(By.CssSelector(action));
                Assert.False(button.Enabled, action);
                Assert.False(string.IsNullOrEmpty(button.GetAttribute("aria-describedby")), action);
            }

            found["/ApiKeys as " + (viewer == observer ? "Observer" : "Member")] = SeriousViolations(viewer);
        }

        var report = string.Join('\n', found.Select(f => $"{f.Key}: {string.Join("; ", f.Value)}"));
        Assert.True(found.Values.All(v => v.Count == 0), report);
    }
}
