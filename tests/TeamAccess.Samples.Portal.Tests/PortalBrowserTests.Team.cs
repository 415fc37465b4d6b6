using OpenQA.Selenium;

namespace TeamAccess.Samples.Portal.Tests;

/// <summary>The team pages of issue 26: team roles, ownership transfer, group rename, audit filters, users both ways.</summary>
public sealed partial class PortalBrowserTests
{
    private static IWebElement RoleRow(Person person, string name) => person.Driver.FindElement(By.CssSelector($"section.role-row[data-name='{name}']"));

    private static string Emails(Person person) => string.Join(' ', person.Driver.FindElements(By.CssSelector("tr.user-row")).Select(r => r.GetAttribute("data-email")));

    [SkippableFact]
    public void TeamRolesPage_CreatesEditsAndDeletesARole_AndATeamRoleSurvivesAnEditOfTheMember()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "rolesmith");
        Invite(owner, "rolesmith-tech@example.com", "Member");
        using var tech = Accept("rolesmith-tech@example.com");
        var found = new Dictionary<string, List<string>>();

        owner.Click("nav-team-roles");
        owner.ExpectPath("/TeamRoles");
        Assert.StartsWith("This team has no roles of its own yet.", owner.Text("no-roles"), StringComparison.Ordinal);

        // Every field's error at once, beside its field.
        owner.Click("create");
        owner.Expect("Enter the role's name.", () => owner.Text("field-Name-error"));
        Assert.Equal("Enter the role's rank, a whole number.", owner.Text("field-Rank-error"));
        found["/TeamRoles with errors"] = SeriousViolations(owner);
        owner.Fill("Name", "Line Technician!");
        owner.Fill("Rank", "150");
        owner.Click("create");
        owner.Expect("A role name has 1 to 64 letters, digits, spaces, hyphens or underscores, and no space at either end.", () => owner.Text("field-Name-error"));

        owner.Fill("Name", "Line Technician");
        owner.Fill("Rank", "150");
        owner.Click("new-permission-resources-read");
        owner.Click("create");
        owner.Expect("Role Line Technician created. Give it to members on their Edit page.", () => owner.Text("notice"));
        Assert.Equal("resources.read", RoleRow(owner, "Line Technician").FindElement(By.CssSelector(".permissions")).Text);
        Assert.Equal("rank 150", RoleRow(owner, "Line Technician").FindElement(By.CssSelector(".rank")).Text);

        // Permissions from the catalog, as checkboxes: the edit adds resources.write.
        var row = RoleRow(owner, "Line Technician");
        row.FindElement(By.CssSelector("summary.edit")).Click();
        row.FindElement(By.CssSelector("input[name='permissions'][value='resources.write']")).Click();
        row.FindElement(By.CssSelector("button.save")).Click();
        owner.Expect("Role Line Technician saved: its holders have the new permissions now.", () => owner.Text("notice"));
        Assert.Equal("resources.read, resources.write", RoleRow(owner, "Line Technician").FindElement(By.CssSelector(".permissions")).Text);
        found["/TeamRoles"] = SeriousViolations(owner);

        // A member without roles.manage sees the role, and the actions disabled with the reason.
        tech.Go("/TeamRoles");
        var seen = RoleRow(tech, "Line Technician");
        Assert.False(seen.FindElement(By.CssSelector("button.edit")).Enabled);
        Assert.False(seen.FindElement(By.CssSelector("button.delete")).Enabled);
        Assert.StartsWith("Defining, changing and deleting team roles needs the roles.manage permission", seen.FindElement(By.CssSelector("p[id^='why-']")).Text, StringComparison.Ordinal);
        Assert.False(tech.Driver.FindElement(By.Id("create")).Enabled);
        found["/TeamRoles (member)"] = SeriousViolations(tech);

        // The member takes the team role on the Edit page, and a Save of that page keeps it (review 3, problem 2).
        owner.Go("/Users");
        owner.Row("rolesmith-tech@example.com").FindElement(By.CssSelector("a.edit")).Click();
        owner.ExpectPath("/EditUser");
        owner.Choose("role", "Line Technician");
        owner.Click("save");
        owner.ExpectPath("/Users");
        owner.Expect("Line Technician", () => owner.Row("rolesmith-tech@example.com").FindElement(By.CssSelector(".role")).Text);
        owner.Row("rolesmith-tech@example.com").FindElement(By.CssSelector("a.edit")).Click();
        owner.ExpectPath("/EditUser");
        Assert.Equal("Line Technician", owner.Driver.FindElement(By.CssSelector("#role option:checked")).Text);
        owner.Click("save");
        owner.Expect("Saved rolesmith-tech@example.com.", () => owner.Text("notice"));
        Assert.Equal("Line Technician", owner.Row("rolesmith-tech@example.com").FindElement(By.CssSelector(".role")).Text);

        // A role in use is not deleted; the confirmation names it.
        owner.Go("/TeamRoles");
        RoleRow(owner, "Line Technician").FindElement(By.CssSelector("button.delete")).Click();
        owner.Confirm("Delete the role Line Technician?");
        owner.Expect("The role is in use; give its holders another role first.", () => owner.Text("error"));
        Assert.Single(owner.Driver.FindElements(By.CssSelector("section.role-row")));

        owner.Go("/Users");
        owner.Row("rolesmith-tech@example.com").FindElement(By.CssSelector("a.edit")).Click();
        owner.ExpectPath("/EditUser");
        owner.Choose("role", "Member");
        owner.Click("save");
        owner.ExpectPath("/Users");
        owner.Go("/TeamRoles");
        RoleRow(owner, "Line Technician").FindElement(By.CssSelector("button.delete")).Click();
        owner.Confirm("Delete the role Line Technician?");
        owner.Expect("Role Line Technician deleted.", () => owner.Text("notice"));
        Assert.Empty(owner.Driver.FindElements(By.CssSelector("section.role-row")));
        Assert.True(found.Values.All(v => v.Count == 0), string.Join('\n', found.Select(f => $"{f.Key}: {string.Join("; ", f.Value)}")));
    }

    [SkippableFact]
    public void TeamRolesPage_ARoleRankedAtOrAboveTheViewers_ShowsItsActionsDisabledWithTheReason()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "rankholder");
        Invite(owner, "rankholder-admin@example.com", "Administrator");
        using var admin = Accept("rankholder-admin@example.com");
        owner.Go("/TeamRoles");
        foreach (var (name, rank) in new[] { ("Shift Lead", "350"), ("Helper", "120") })
        {
            owner.Fill("Name", name);
            owner.Fill("Rank", rank);
            owner.Click("create");
            owner.Expect($"Role {name} created. Give it to members on their Edit page.", () => owner.Text("notice"));
        }

        // The Administrator (rank 300) manages roles, but not one ranked above their own: disabled, and why.
        admin.Go("/TeamRoles");
        var lead = RoleRow(admin, "Shift Lead");
        Assert.False(lead.FindElement(By.CssSelector("button.edit")).Enabled);
        Assert.False(lead.FindElement(By.CssSelector("button.delete")).Enabled);
        Assert.Equal("The role Shift Lead ranks at or above your own role: only someone ranked above it can change or delete it.", lead.FindElement(By.CssSelector("p[id^='why-']")).Text);
        var helper = RoleRow(admin, "Helper");
        Assert.Empty(helper.FindElements(By.CssSelector("button.edit[disabled]")));
        helper.FindElement(By.CssSelector("button.delete")).Click();
        admin.Confirm("Delete the role Helper?");
        admin.Expect("Role Helper deleted.", () => admin.Text("notice"));

        // Nor may they define one above their own rank: the refusal is beside the rank.
        admin.Fill("Name", "Supervisor");
        admin.Fill("Rank", "390");
        admin.Click("create");
        admin.Expect("You cannot give or manage a role ranked above your own.", () => admin.Text("field-Rank-error"));
    }

    [SkippableFact]
    public void Ownership_OfferedInOneBrowser_DeclinedWithdrawnThenAcceptedInTheOther()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "handover");
        Invite(owner, "handover-heir@example.com", "Member");
        using var heir = Accept("handover-heir@example.com");
        var found = new Dictionary<string, List<string>>();

        // Only the Owner offers the role: the member sees the action disabled, with the reason.
        heir.Click("nav-ownership");
        heir.ExpectPath("/Ownership");
        Assert.False(heir.Driver.FindElement(By.Id("make-offer")).Enabled);
        Assert.Equal("Only an Owner of the team can offer the role.", heir.Text("offer-reason"));

        owner.Go("/Ownership");
        Assert.Equal("There is no open ownership offer in this team.", owner.Text("no-offer"));
        found["/Ownership"] = SeriousViolations(owner);
        Offer(owner);
        Assert.Equal("handover Owner (handover@example.com) offered the Owner role to Grace Hopper (handover-heir@example.com).", owner.Text("offer-text"));
        found["/Ownership with an offer"] = SeriousViolations(owner);

        // The member declines: nothing changes.
        heir.Go("/Ownership");
        Assert.Equal("handover Owner (handover@example.com) offers you the Owner role of this team.", heir.Text("offer-text"));
        found["/Ownership offered to me"] = SeriousViolations(heir);
        heir.Click("decline-offer");
        heir.Confirm("Decline the offer from handover Owner (handover@example.com)?");
        heir.Expect("Offer declined: nothing changed.", () => heir.Text("notice"));
        Assert.Equal("There is no open ownership offer in this team.", heir.Text("no-offer"));

        // The owner offers again and withdraws.
        Offer(owner);
        owner.Click("withdraw-offer");
        owner.Confirm("Withdraw the offer to Grace Hopper (handover-heir@example.com)?");
        owner.Expect("Offer withdrawn.", () => owner.Text("notice"));
        heir.Go("/Ownership");
        Assert.Empty(heir.Driver.FindElements(By.Id("accept-offer")));

        // Offered once more, and accepted in the other browser: the member is the Owner, the offerer steps down.
        Offer(owner);
        heir.Go("/Ownership");
        heir.Click("accept-offer");
        heir.Confirm("Accept the Owner role of this team?");
        heir.ExpectPath("/SignIn");
        Assert.Equal("You are now this team's Owner. Sign in again to continue with the new role.", heir.Text("notice"));
        SignIn(heir, "handover-heir@example.com", "handover-robotics");
        Assert.Equal("Owner", heir.Row("handover-heir@example.com").FindElement(By.CssSelector(".role")).Text);
        Assert.Equal("Administrator", heir.Row("handover@example.com").FindElement(By.CssSelector(".role")).Text);
        heir.Go("/Ownership");
        Assert.Equal("There is no open ownership offer in this team.", heir.Text("no-offer"));
        Assert.True(heir.Driver.FindElement(By.Id("make-offer")).Enabled);
        Assert.True(found.Values.All(v => v.Count == 0), string.Join('\n', found.Select(f => $"{f.Key}: {string.Join("; ", f.Value)}")));

        static void Offer(Person owner)
        {
            owner.Go("/Ownership");
            owner.Choose("offer-to", "Grace Hopper (handover-heir@example.com)");
            owner.Click("make-offer");
            owner.Expect("Offer made. The member sees it on their Ownership page and accepts or declines it there.", () => owner.Text("notice"));
        }
    }

    [SkippableFact]
    public void GroupsPage_RenamesAGroup_RefusesABadName_AndTheAuditShowsBeforeAndAfter()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "renamer");
        CreateGroup(owner, "Night shift", "night-shift");

        var row = owner.Driver.FindElement(By.CssSelector("section.group-row[data-handle='night-shift']"));
        row.FindElement(By.CssSelector("summary.rename-group")).Click();
        var name = row.FindElement(By.CssSelector("input.rename-name"));
        name.Clear();
        name.SendKeys("Night crew");
        row.FindElement(By.CssSelector("button.save-name")).Click();
        owner.Expect("Group night-shift renamed to Night crew.", () => owner.Text("notice"));
        Assert.StartsWith("Night crew", owner.Driver.FindElement(By.CssSelector("section.group-row[data-handle='night-shift'] h2")).Text, StringComparison.Ordinal);
        var found = new Dictionary<string, List<string>> { ["/Groups"] = SeriousViolations(owner) };

        row = owner.Driver.FindElement(By.CssSelector("section.group-row[data-handle='night-shift']"));
        row.FindElement(By.CssSelector("summary.rename-group")).Click();
        name = row.FindElement(By.CssSelector("input.rename-name"));
        name.Clear();
        name.SendKeys("Nightаcrew"); // a Cyrillic a among Latin letters
        row.FindElement(By.CssSelector("button.save-name")).Click();
        owner.Expect("A name must have 1 to 100 characters and no control or invisible formatting characters.", () => owner.Text("error"));
        Assert.StartsWith("Night crew", owner.Driver.FindElement(By.CssSelector("section.group-row[data-handle='night-shift'] h2")).Text, StringComparison.Ordinal);

        owner.Go("/Audit?action=group.renamed");
        Assert.Equal(["group.renamed"], Actions(owner));
        Assert.Contains("Night shift", owner.Driver.FindElement(By.CssSelector("tr.audit-row .before")).Text, StringComparison.Ordinal);
        Assert.Contains("Night crew", owner.Driver.FindElement(By.CssSelector("tr.audit-row .after")).Text, StringComparison.Ordinal);
        Assert.True(found.Values.All(v => v.Count == 0), string.Join('\n', found.Select(f => $"{f.Key}: {string.Join("; ", f.Value)}")));
    }

    [SkippableFact]
    public void AuditPage_FiltersByActorActionAndDates_ShowingBeforeAndAfter()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "filterer");
        Invite(owner, "filterer-a@example.com filterer-b@example.com", "Member");
        using var member = Accept("filterer-a@example.com");
        owner.Go("/Users");
        owner.Row("filterer-a@example.com").FindElement(By.CssSelector("a.edit")).Click();
        owner.ExpectPath("/EditUser");
        owner.Choose("role", "Observer");
        owner.Click("save");
        owner.ExpectPath("/Users");

        owner.Go("/Audit");
        owner.Choose("filter-action", "Membership: role changed");
        owner.Click("apply-filters");
        owner.Expect("membership.role_changed", () => string.Join(' ', Actions(owner)));
        Assert.Contains("Member", owner.Driver.FindElement(By.CssSelector("tr.audit-row .before")).Text, StringComparison.Ordinal);
        Assert.Contains("Observer", owner.Driver.FindElement(By.CssSelector("tr.audit-row .after")).Text, StringComparison.Ordinal);
        Assert.Equal(["filterer@example.com"], owner.Column("tr.audit-row .actor"));
        var found = new Dictionary<string, List<string>> { ["/Audit filtered"] = SeriousViolations(owner) };

        // By who acted: the member's own acceptance only.
        owner.Choose("filter-action", "Any action");
        owner.Choose("filter-by", "Grace Hopper (filterer-a@example.com)");
        owner.Click("apply-filters");
        owner.Expect("filterer-a@example.com", () => string.Join(' ', owner.Column("tr.audit-row .actor").Distinct()));
        Assert.DoesNotContain("membership.invited", Actions(owner));

        // By dates: the day of the events holds them all, the day after none.
        var day = owner.Driver.FindElement(By.CssSelector("tr.audit-row time")).GetAttribute("datetime")![..10];
        var next = DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        owner.Go($"/Audit?action=membership.invited&from={day}&to={day}");
        Assert.Equal(["membership.invited", "membership.invited"], Actions(owner));
        owner.Go($"/Audit?from={next}");
        Assert.Equal("No event matches these filters. Clear them, or widen the dates.", owner.Text("no-events"));
        owner.Click("clear-filters");
        owner.Expect("", () => owner.Driver.FindElement(By.Id("filter-action")).GetAttribute("value") ?? "x");
        Assert.Contains("team.created", Actions(owner));
        Assert.True(found.Values.All(v => v.Count == 0), string.Join('\n', found.Select(f => $"{f.Key}: {string.Join("; ", f.Value)}")));
    }

    [SkippableFact]
    public void UsersPage_SearchesByNameOrEmail_AndPagesForwardAndBack()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "pagesmith");
        Invite(owner, string.Join(' ', Enumerable.Range(1, 11).Select(i => $"pagesmith-crew{i:00}@example.com")), "Observer");
        using var crew = Accept("pagesmith-crew05@example.com");

        owner.Go("/Users?pageSize=5");
        var first = Emails(owner);
        Assert.Equal(5, first.Split(' ').Length);
        Assert.Empty(owner.Driver.FindElements(By.Id("previous-page")));
        owner.Click("next-page");
        owner.Expect("pagesmith-crew06@example.com pagesmith-crew07@example.com pagesmith-crew08@example.com pagesmith-crew09@example.com pagesmith-crew10@example.com", () => Emails(owner));
        var second = Emails(owner);
        owner.Click("next-page");
        owner.Expect("pagesmith-crew11@example.com pagesmith@example.com", () => Emails(owner));
        Assert.Empty(owner.Driver.FindElements(By.Id("next-page")));
        var found = new Dictionary<string, List<string>> { ["/Users last page"] = SeriousViolations(owner) };

        owner.Click("previous-page");
        owner.Expect(second, () => Emails(owner));
        owner.Click("previous-page");
        owner.Expect(first, () => Emails(owner));
        Assert.Empty(owner.Driver.FindElements(By.Id("previous-page")));

        // Search by part of a name, or the start of an address.
        owner.Fill("email", "hopp");
        owner.Click("apply-filters");
        owner.Expect("pagesmith-crew05@example.com", () => Emails(owner));
        Assert.Equal("1 users", owner.Text("total"));
        owner.Fill("email", "pagesmith@");
        owner.Click("apply-filters");
        owner.Expect("pagesmith@example.com", () => Emails(owner));
        owner.Fill("email", "pagesmith Owner");
        owner.Click("apply-filters");
        owner.Expect("pagesmith@example.com", () => Emails(owner));
        Assert.True(found.Values.All(v => v.Count == 0), string.Join('\n', found.Select(f => $"{f.Key}: {string.Join("; ", f.Value)}")));
    }
}
