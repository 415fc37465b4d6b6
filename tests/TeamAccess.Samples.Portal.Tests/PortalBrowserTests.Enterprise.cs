using System.Net.Http.Headers;
using System.Text;
using OpenQA.Selenium;

namespace TeamAccess.Samples.Portal.Tests;

/// <summary>
/// The team's self-service enterprise pages of the UI package (issue 25): Team SSO, Domains and Directory, reached only by
/// the guardian, each change behind a recent second factor, and axe-core on each page with content on it.
/// </summary>
public sealed partial class PortalBrowserTests
{
    [SkippableFact]
    public async Task TeamSso_GuardianAddsTestsActivatesAndSuspendsAProvider_ClaimsAndVerifiesADomain_AndMakesADirectoryKey()
    {
        var found = new Dictionary<string, List<string>>();
        using var owner = Open();
        SignUpAndSignIn(owner, "enterprise");

        owner.Click("nav-team-sso");
        owner.ExpectPath("/TeamSso");
        found["/TeamSso empty"] = SeriousViolations(owner);
        owner.Fill("DisplayName", "Acme IdP");
        owner.Fill("Issuer", portal.Idp.Issuer);
        owner.Fill("ClientId", "portal-client");

        // A connection test saves nothing and needs no second factor.
        owner.Click("test-provider");
        owner.Expect($"The connection works: {portal.Idp.Issuer} published its discovery document and signing keys. Nothing was saved.", () => owner.Text("test-passed"));
        Assert.Equal("Acme IdP", owner.Driver.FindElement(By.Name("DisplayName")).GetAttribute("value"));
        Assert.Empty(owner.Driver.FindElements(By.CssSelector("tr.provider-row")));

        // Adding changes who may sign in: without a second factor the page says what is missing.
        owner.Fill("ClientSecret", "the-client-secret-value");
        owner.Click("add-provider-submit");
        owner.Expect("This team requires a second factor: set up an authenticator app to continue.", () => owner.Text("error"));
        Assert.Empty(owner.Driver.FindElements(By.CssSelector("tr.provider-row")));

        // With an authenticator not proven in this session, the StepUp page asks for a code and comes back here; the
        // action is then repeated.
        var recovery = await EnrolAuthenticatorAsync(owner);
        owner.Go("/TeamSso");
        owner.Fill("DisplayName", "Acme IdP");
        owner.Fill("Issuer", portal.Idp.Issuer);
        owner.Fill("ClientId", "portal-client");
        owner.Fill("ClientSecret", "the-client-secret-value");
        owner.Click("add-provider-submit");
        StepUpWith(owner, recovery, "/TeamSso");
        Assert.Empty(owner.Driver.FindElements(By.CssSelector("tr.provider-row")));
        owner.Fill("DisplayName", "Acme IdP");
        owner.Fill("Issuer", portal.Idp.Issuer);
        owner.Fill("ClientId", "portal-client");
        owner.Fill("ClientSecret", "the-client-secret-value");
        owner.Click("add-provider-submit");
        owner.Expect("Provider Acme IdP added as a draft. Activate it when you are ready.", () => owner.Text("notice"));
        var row = By.CssSelector("tr.provider-row[data-name='Acme IdP']");
        Assert.Equal("Draft", owner.Driver.FindElement(row).FindElement(By.CssSelector(".state")).Text);
        Assert.DoesNotContain("the-client-secret-value", owner.Driver.PageSource, StringComparison.Ordinal);

        owner.Driver.FindElement(row).FindElement(By.CssSelector("button.activate")).Click();
        owner.Expect("Provider Acme IdP is active.", () => owner.Text("notice"));
        Assert.Equal("Active", owner.Driver.FindElement(row).FindElement(By.CssSelector(".state")).Text);
        found["/TeamSso with a provider"] = SeriousViolations(owner);

        owner.Driver.FindElement(row).FindElement(By.CssSelector("button.suspend")).Click();
        owner.Confirm("Suspend the provider Acme IdP?");
        owner.Expect("Provider Acme IdP is suspended: nobody signs in with it.", () => owner.Text("notice"));
        Assert.Equal("Suspended", owner.Driver.FindElement(row).FindElement(By.CssSelector(".state")).Text);
        owner.Shot("team-sso");

        // Domains: the TXT value to publish, then a check against the (fake) DNS.
        owner.Click("nav-domains");
        owner.ExpectPath("/Domains");
        owner.Fill("Domain", " Acme.Example ");
        owner.Click("claim");
        owner.Expect("Domain acme.example claimed. Publish its TXT record, then verify it.", () => owner.Text("notice"));
        var domain = By.CssSelector("section.domain-row[data-domain='acme.example']");
        var txt = owner.Driver.FindElement(domain).FindElement(By.CssSelector("input.txt-record")).GetAttribute("value")!;
        Assert.StartsWith("teamaccess-verification=", txt, StringComparison.Ordinal);
        Assert.Equal("Pending", owner.Driver.FindElement(domain).FindElement(By.CssSelector(".state")).Text);
        found["/Domains with a claim"] = SeriousViolations(owner);

        portal.Network.Publish("acme.example", "v=spf1 -all", txt);
        owner.Driver.FindElement(domain).FindElement(By.CssSelector("button.check")).Click();
        owner.Expect("acme.example is verified.", () => owner.Text("notice"));
        Assert.Equal("Verified", owner.Driver.FindElement(domain).FindElement(By.CssSelector(".state")).Text);
        owner.Shot("domains");

        // Directory: the SCIM URL, a key shown once, and a person a scripted SCIM client provisions with it.
        owner.Click("nav-directory");
        owner.ExpectPath("/Directory");
        Assert.Equal(portal.BaseUrl + "/scim/v2", owner.Driver.FindElement(By.Id("scim-url")).GetAttribute("value"));
        owner.Click("create-key");
        owner.Expect("issued-key", () => owner.Driver.FindElement(By.Id("issued-key")).GetAttribute("id") ?? "");
        var secret = owner.Driver.FindElement(By.Id("key-secret")).GetAttribute("value")!;
        Assert.StartsWith("ta_", secret, StringComparison.Ordinal);
        found["/Directory with a new key"] = SeriousViolations(owner);

        using (var scim = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) })
        {
            scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var body = new StringContent(
                """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"pat@acme.example","externalId":"okta-0001","name":{"givenName":"Pat","familyName":"Lee"}}""",
                Encoding.UTF8, "application/scim+json");
            using var created = await scim.PostAsync(new Uri("/scim/v2/Users", UriKind.Relative), body);
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }

        owner.Go("/Directory");
        Assert.DoesNotContain(secret, owner.Driver.PageSource, StringComparison.Ordinal);
        var provisioned = owner.Driver.FindElement(By.CssSelector("tr.provisioned-row[data-email='pat@acme.example']"));
        Assert.Contains("okta-0001", provisioned.Text, StringComparison.Ordinal);
        found["/Directory with a provisioned person"] = SeriousViolations(owner);
        owner.Shot("directory");

        var report = string.Join('\n', found.Select(f => $"{f.Key}: {(f.Value.Count == 0 ? "no serious or critical violation" : string.Join("; ", f.Value))}"));
        Assert.True(found.Values.All(v => v.Count == 0), report);
    }

    [SkippableFact]
    public void EnterprisePages_AMemberSeesNoneOfThem()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "ent-guard");
        Assert.NotEmpty(owner.Driver.FindElements(By.Id("nav-team-sso")));
        Invite(owner, "ent-member@example.com", "Member");
        using var member = Accept("ent-member@example.com");

        foreach (var nav in new[] { "nav-team-sso", "nav-domains", "nav-directory" })
        {
            Assert.Empty(member.Driver.FindElements(By.Id(nav)));
        }

        foreach (var path in new[] { "/TeamSso", "/Domains", "/Directory" })
        {
            member.Go(path);
            member.Expect("Access denied", () => member.Text("denied"));
        }
    }

    [SkippableFact]
    public async Task Domains_AndDirectory_AskForTheSecondFactorOnTheStepUpPage_AndComeBack()
    {
        using var claimer = Open();
        SignUpAndSignIn(claimer, "stepdomains");
        var recovery = await EnrolAuthenticatorAsync(claimer);
        claimer.Go("/Domains");
        claimer.Fill("Domain", "stepup.example");
        claimer.Click("claim");
        StepUpWith(claimer, recovery, "/Domains");
        Assert.Empty(claimer.Driver.FindElements(By.CssSelector("section.domain-row")));
        claimer.Fill("Domain", "stepup.example");
        claimer.Click("claim");
        claimer.Expect("Domain stepup.example claimed. Publish its TXT record, then verify it.", () => claimer.Text("notice"));

        using var provisioner = Open();
        SignUpAndSignIn(provisioner, "stepdirectory");
        recovery = await EnrolAuthenticatorAsync(provisioner);
        provisioner.Go("/Directory");
        provisioner.Click("create-key");
        StepUpWith(provisioner, recovery, "/Directory");
        Assert.Empty(provisioner.Driver.FindElements(By.Id("issued-key")));
        provisioner.Click("create-key");
        provisioner.Expect("issued-key", () => provisioner.Driver.FindElement(By.Id("issued-key")).GetAttribute("id") ?? "");
    }
}
