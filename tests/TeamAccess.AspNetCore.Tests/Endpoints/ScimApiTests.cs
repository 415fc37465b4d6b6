using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Teams;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>
/// MapTeamAccessScim: the RFC 7644 examples (3.3 create, 3.4.2 query, 3.5.2 PATCH) answered as the RFC shows them
/// (userName is an address here, so the examples' bjensen is bjensen@example.com), the last-guardian refusal, team
/// isolation, and a key without directory.provision refused.
/// </summary>
public sealed class ScimApiTests : IAsyncLifetime
{
    private const string Scim = "application/scim+json";
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(
        b => b.Services.AddSingleton<IDomainVerifier>(new ExampleDomainVerifier()),
        app => app.MapGroup("/scim/v2").MapTeamAccessScim());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A team whose domain example.com is verified, and an API key of its directory service account.</summary>
    private async Task<(Person Owner, string Key)> DirectoryAsync(string name, string role = RolePresets.Administrator, object? key = null, bool verified = true)
    {
        var owner = await _host.SignUpAsync(name);
        if (verified)
        {
            using var scope = _host.App.Services.CreateScope();
            var policy = await scope.ServiceProvider.GetRequiredService<ITeamService>().SetSignInPolicyAsync(new UserId(owner.UserId), new TeamId(owner.TeamId), new TeamSignInPolicy(false, null) { VerifiedDomain = "example.com" });
            Assert.True(policy.Succeeded, policy.ToString());
        }

        var account = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/service-accounts", owner.Token, new { name = "Directory", role }));
        owner = owner with { Token = await _host.StepUpAsync(owner.Email, owner.Token) };
        var issued = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/service-accounts/{account.GetProperty("serviceAccountId").GetGuid()}/keys", owner.Token, key ?? new { name = "scim" }));
        return (owner, issued.GetProperty("secret").GetString()!);
    }

    private Task<HttpResponseMessage> ScimAsync(HttpMethod method, string path, string key, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, "/scim/v2" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Scim));
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, Scim);
        }

        return _host.Client.SendAsync(request);
    }

    private static async Task<JsonElement> ScimJsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal(Scim, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement> ScimErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? scimType, string code)
    {
        var error = await ScimJsonAsync(response, status);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error.GetProperty("schemas")[0].GetString());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("status").GetString());
        Assert.Equal(scimType, error.TryGetProperty("scimType", out var type) ? type.GetString() : null);
        Assert.StartsWith(code + ":", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return error;
    }

    private const string Bjensen = """
        {
          "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
          "userName":"bjensen@example.com",
          "externalId":"bjensen",
          "name":{
            "formatted":"Ms. Barbara J Jensen III",
            "familyName":"Jensen",
            "givenName":"Barbara"
          }
        }
        """;

    [Fact]
    public async Task Rfc7644_3_3_Create_Is201WithLocationETagAndTheResource()
    {
        var (_, key) = await DirectoryAsync("rfc33");

        var response = await ScimAsync(HttpMethod.Post, "/Users", key, Bjensen);

        var user = await ScimJsonAsync(response, HttpStatusCode.Created);
        var id = user.GetProperty("id").GetString()!;
        var location = $"http://localhost/scim/v2/Users/{id}";
        Assert.Equal(location, response.Headers.Location?.ToString());
        Assert.True(response.Headers.ETag!.IsWeak);
        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:User", user.GetProperty("schemas")[0].GetString());
        Assert.Equal(("bjensen", "bjensen@example.com"), (user.GetProperty("externalId").GetString(), user.GetProperty("userName").GetString()));
        Assert.Equal(("Barbara", "Jensen"), (user.GetProperty("name").GetProperty("givenName").GetString(), user.GetProperty("name").GetProperty("familyName").GetString()));
        var meta = user.GetProperty("meta");
        Assert.Equal(("User", location, response.Headers.ETag.ToString()), (meta.GetProperty("resourceType").GetString(), meta.GetProperty("location").GetString(), meta.GetProperty("version").GetString()));
        Assert.Equal(meta.GetProperty("created").GetString(), meta.GetProperty("lastModified").GetString());
        Assert.True(user.GetProperty("active").GetBoolean());
        Assert.Equal("Scim", user.GetProperty("urn:teamaccess:params:scim:schemas:extension:2.0:Membership").GetProperty("origin").GetString());

        // The same userName again is a uniqueness conflict (RFC 7644 3.3), and nothing more is created.
        await ScimErrorAsync(await ScimAsync(HttpMethod.Post, "/Users", key, Bjensen), HttpStatusCode.Conflict, "uniqueness", "DirectoryExternalIdTaken");
        await ScimErrorAsync(await ScimAsync(HttpMethod.Post, "/Users", key, Bjensen.Replace("\"externalId\":\"bjensen\"", "\"externalId\":\"other\"", StringComparison.Ordinal)), HttpStatusCode.Conflict, "uniqueness", "AlreadyMember");
        var fetched = await ScimJsonAsync(await ScimAsync(HttpMethod.Get, $"/Users/{id}", key), HttpStatusCode.OK);
        Assert.Equal(user.GetProperty("meta").GetProperty("version").GetString(), fetched.GetProperty("meta").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Rfc7644_3_4_2_FilterAndPaging_AnswerAListResponse()
    {
        var (owner, key) = await DirectoryAsync("rfc342");
        foreach (var name in new[] { "bjensen", "jsmith", "tdoe" })
        {
            await ScimJsonAsync(await ScimAsync(HttpMethod.Post, "/Users", key, Bjensen.Replace("bjensen", name, StringComparison.Ordinal)), HttpStatusCode.Created);
        }

        var filtered = await ScimJsonAsync(await ScimAsync(HttpMethod.Get, "/Users?filter=" + Uri.EscapeDataString("userName Eq \"bjensen@example.com\"") + "&attributes=userName", key), HttpStatusCode.OK);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", filtered.GetProperty("schemas")[0].GetString());
        Assert.Equal(1, filtered.GetProperty("totalResults").GetInt32());
        var only = Assert.Single(filtered.GetProperty("Resources").EnumerateArray());
        Assert.Equal("bjensen@example.com", only.GetProperty("userName").GetString());
        Assert.True(only.TryGetProperty("id", out _));
        Assert.False(only.TryGetProperty("name", out _));

        var byExternalId = await ScimJsonAsync(await ScimAsync(HttpMethod.Get, "/Users?filter=" + Uri.EscapeDataString("externalId eq \"jsmith\""), key), HttpStatusCode.OK);
        Assert.Equal("jsmith@example.com", Assert.Single(byExternalId.GetProperty("Resources").EnumerateArray()).GetProperty("userName").GetString());

        // The owner and three people (the service account is not the directory's), two a page.
        var page = await ScimJsonAsync(await ScimAsync(HttpMethod.Get, "/Users?startIndex=2&count=2", key), HttpStatusCode.OK);
        Assert.Equal((4, 2, 2), (page.GetProperty("totalResults").GetInt32(), page.GetProperty("startIndex").GetInt32(), page.GetProperty("itemsPerPage").GetInt32()));
        Assert.Equal(["jsmith@example.com", owner.Email], page.GetProperty("Resources").EnumerateArray().Select(r => r.GetProperty("userName").GetString()));

        // Bad input is a SCIM error: a filter this provider does not answer, a count that is no integer.
        await ScimErrorAsync(await ScimAsync(HttpMethod.Get, "/Users?filter=" + Uri.EscapeDataString("userName sw \"b\""), key), HttpStatusCode.BadRequest, "invalidFilter", "InvalidDirectoryFilter");
        await ScimErrorAsync(await ScimAsync(HttpMethod.Get, "/Users?filter=" + Uri.EscapeDataString("title pr"), key), HttpStatusCode.BadRequest, "invalidFilter", "InvalidDirectoryFilter");
        await ScimErrorAsync(await ScimAsync(HttpMethod.Get, "/Users?count=99999999999999999999", key), HttpStatusCode.BadRequest, "invalidValue", "InvalidDirectoryValue");
        var huge = await ScimJsonAsync(await ScimAsync(HttpMethod.Get, "/Users?count=1000000", key), HttpStatusCode.OK);
        Assert.Equal(4, huge.GetProperty("itemsPerPage").GetInt32());
    }

    [Fact]
    public async Task Groups_PatchDisplayNameAndPut_RenameTheGroupAndSetItsMembersInOneWrite()
    {
        var (_, key) = await DirectoryAsync("rename");
        var user = await ScimJsonAsync(await ScimAsync(HttpMethod.Post, "/Users", key, Bjensen), HttpStatusCode.Created);
        var id = user.GetProperty("id").GetString()!;
        var group = await ScimJsonAsync(await ScimAsync(HttpMethod.Post, "/Groups", key, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Tour Guides"}"""), HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetString()!;

        // PATCH replace displayName (as Okta and Entra ID rename a group) with a member added: one write, a new version.
        var renamed = await ScimJsonAsync(await ScimAsync(HttpMethod.Patch, $"/Groups/{groupId}", key, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"displayName","value":"Senior Tour Guides"},{"op":"add","path":"members","value":[{"value":"{{id}}"}]}]}
            """, ifMatch: group.GetProperty("meta").GetProperty("version").GetString()), HttpStatusCode.OK);
        Assert.Equal("Senior Tour Guides", renamed.GetProperty("displayName").GetString());
        Assert.Equal(id, Assert.Single(renamed.GetProperty("members").EnumerateArray()).GetProperty("value").GetString());
        Assert.NotEqual(group.GetProperty("meta").GetProperty("version").GetString(), renamed.GetProperty("meta").GetProperty("version").GetString());

        // A path-less replace names it too; removing the required displayName is refused and changes nothing.
        var again = await ScimJsonAsync(await ScimAsync(HttpMethod.Patch, $"/Groups/{groupId}", key, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"displayName":"Guides"}}]}"""), HttpStatusCode.OK);
        Assert.Equal("Guides", again.GetProperty("displayName").GetString());
        await ScimErrorAsync(await ScimAsync(HttpMethod.Patch, $"/Groups/{groupId}", key, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"displayName"}]}"""), HttpStatusCode.BadRequest, "mutability", "DirectoryAttributeImmutable");

        // PUT replaces the name and every member (none given: none kept); a stale If-Match is 412.
        await ScimErrorAsync(await ScimAsync(HttpMethod.Put, $"/Groups/{groupId}", key, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Stale"}""", ifMatch: renamed.GetProperty("meta").GetProperty("version").GetString()), HttpStatusCode.PreconditionFailed, null, "DirectoryVersionMismatch");
        var put = await ScimJsonAsync(await ScimAsync(HttpMethod.Put, $"/Groups/{groupId}", key, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Night Guides"}""", ifMatch: again.GetProperty("meta").GetProperty("version").GetString()), HttpStatusCode.OK);
        Assert.Equal("Night Guides", put.GetProperty("displayName").GetString());
        Assert.Empty(put.GetProperty("members").EnumerateArray());
        await ScimErrorAsync(await ScimAsync(HttpMethod.Put, $"/Groups/{groupId}", key, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"]}"""), HttpStatusCode.BadRequest, "invalidValue", "InvalidDirectoryValue");
        var listed = await ScimJsonAsync(await ScimAsync(HttpMethod.Get, "/Groups?filter=" + Uri.EscapeDataString("displayName eq \"Night Guides\""), key), HttpStatusCode.OK);
        Assert.Equal(groupId, Assert.Single(listed.GetProperty("Resources").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Rfc7644_3_5_2_PatchUsersAndGroupMembers_AsTheRfcShows()
    {
        var (_, key) = await DirectoryAsync("rfc352");
        var user = await ScimJsonAsync(await ScimAsync(HttpMethod.Post, "/Users", key, Bjensen), HttpStatusCode.Created);
        var id = user.GetProperty("id").GetString()!;
        var group = await ScimJsonAsync(await ScimAsync(HttpMethod.Post, "/Groups", key, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Tour Guides"}"""), HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetString()!;

        // 3.5.2.1: add a member to a group.
        var added = await ScimJsonAsync(await ScimAsync(HttpMethod.Patch, $"/Groups/{groupId}", key, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"members","value":[{"display":"Babs Jensen","$ref":"https://example.com/v2/Users/{{id}}","value":"{{id}}"}]}]}
            """, ifMatch: group.GetProperty("meta").GetProperty("version").GetString()), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(added.GetProperty("members").EnumerateArray()).GetProperty("value").GetString());

        // 3.5.2.2: remove one member by a value filter path; an If-Match of an older version is 412 and changes nothing.
        var removeOne = $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{{id}}\"]"}]}""";
        await ScimErrorAsync(await ScimAsync(HttpMethod.Patch, $"/Groups/{groupId}", key, removeOne, ifMatch: group.GetProperty("meta").GetProperty("version").GetString()), HttpStatusCode.PreconditionFailed, null, "DirectoryVersionMismatch");
        var removed = await ScimJsonAsync(await ScimAsync(HttpMethod.Patch, $"/Groups/{groupId}", key, removeOne), HttpStatusCode.OK);
        Assert.Empty(removed.GetProperty("members").EnumerateArray());

        // 3.5.2.3: replace a single-valued attribute, active, as a directory deprovisions (a string "False" as some send it).
        var deactivated = await ScimJsonAsync(await ScimAsync(HttpMethod.Patch, $"/Users/{id}", key, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"},{"op":"replace","path":"externalId","value":"bjensen-2"}]}
            """), HttpStatusCode.OK);
        Assert.Equal((false, "bjensen-2", "Inactive"), (deactivated.GetProperty("active").GetBoolean(), deactivated.GetProperty("externalId").GetString(), deactivated.GetProperty("urn:teamaccess:params:scim:schemas:extension:2.0:Membership").GetProperty("status").GetString()));
        var reactivated = await ScimJsonAsync(await ScimAsync(HttpMethod.Patch, $"/Users/{id}", key, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":true}}]}"""), HttpStatusCode.OK);
        Assert.True(reactivated.GetProperty("active").GetBoolean());

        // A stale If-Match is 412; a path that is not one of ours, a userName change and a malformed body are errors that change nothing.
        await ScimErrorAsync(await ScimAsync(HttpMethod.Patch, $"/Users/{id}", key, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""", ifMatch: deactivated.GetProperty("meta").GetProperty("version").GetString()), HttpStatusCode.PreconditionFailed, null, "DirectoryVersionMismatch");
        await ScimErrorAsync(await ScimAsync(HttpMethod.Patch, $"/Users/{id}", key, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false},{"op":"replace","path":"shoeSize","value":"9"}]}"""), HttpStatusCode.BadRequest, "invalidPath", "InvalidDirectoryPatch");
        await ScimErrorAsync(await ScimAsync(HttpMethod.Patch, $"/Users/{id}", key, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"userName","value":"other@example.com"}]}"""), HttpStatusCode.BadRequest, "mutability", "DirectoryAttributeImmutable");
        await ScimErrorAsync(await ScimAsync(HttpMethod.Patch, $"/Users/{id}", key, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":null}]}"""), HttpStatusCode.BadRequest, "invalidValue", "InvalidDirectoryValue");
        await ScimErrorAsync(await ScimAsync(HttpMethod.Post, "/Users", key, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":null}"""), HttpStatusCode.BadRequest, "invalidValue", "InvalidDirectoryValue");
        Assert.Equal("invalidSyntax", (await ScimJsonAsync(await ScimAsync(HttpMethod.Post, "/Users", key, "{not json"), HttpStatusCode.BadRequest)).GetProperty("scimType").GetString());
        var after = await ScimJsonAsync(await ScimAsync(HttpMethod.Get, $"/Users/{id}", key), HttpStatusCode.OK);
        Assert.Equal(reactivated.GetProperty("meta").GetProperty("version").GetString(), after.GetProperty("meta").GetProperty("version").GetString());

        // DELETE removes: 204, then 404.
        Assert.Equal(HttpStatusCode.NoContent, (await ScimAsync(HttpMethod.Delete, $"/Users/{id}", key)).StatusCode);
        await ScimErrorAsync(await ScimAsync(HttpMethod.Get, $"/Users/{id}", key), HttpStatusCode.NotFound, null, "NotFound");
    }

    [Fact]
    public async Task DeactivateOrDelete_TheLastActiveGuardian_IsRefusedNamingTheRuleAndChangesNothing()
    {
        var (owner, key) = await DirectoryAsync("guardian");
        var patch = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"externalId","value":"owner-1"},{"op":"replace","path":"active","value":false}]}""";

        await ScimErrorAsync(await ScimAsync(HttpMethod.Patch, $"/Users/{owner.MembershipId}", key, patch), HttpStatusCode.Conflict, null, "LastGuardian");
        await ScimErrorAsync(await ScimAsync(HttpMethod.Delete, $"/Users/{owner.MembershipId}", key), HttpStatusCode.Conflict, null, "LastGuardian");

        // Never half done: the externalId of the refused PATCH was not written either.
        var owned = await ScimJsonAsync(await ScimAsync(HttpMethod.Get, $"/Users/{owner.MembershipId}", key), HttpStatusCode.OK);
        Assert.Equal((true, false), (owned.GetProperty("active").GetBoolean(), owned.TryGetProperty("externalId", out _)));
    }

    [Fact]
    public async Task AKeyOfTeamA_NeverReachesTeamB_AndTwoDirectoriesShareOneUser()
    {
        var (a, keyA) = await DirectoryAsync("team-a");
        var (b, keyB) = await DirectoryAsync("team-b");
        var inA = await ScimJsonAsync(await ScimAsync(HttpMethod.Post, "/Users", keyA, Bjensen), HttpStatusCode.Created);
        var inB = await ScimJsonAsync(await ScimAsync(HttpMethod.Post, "/Users", keyB, Bjensen), HttpStatusCode.Created);

        // Team A's key does not see, change or delete team B's people: they are not found.
        foreach (var id in new[] { inB.GetProperty("id").GetString(), b.MembershipId.ToString() })
        {
            await ScimErrorAsync(await ScimAsync(HttpMethod.Get, $"/Users/{id}", keyA), HttpStatusCode.NotFound, null, "NotFound");
            await ScimErrorAsync(await ScimAsync(HttpMethod.Patch, $"/Users/{id}", keyA, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}"""), HttpStatusCode.NotFound, null, "NotFound");
            await ScimErrorAsync(await ScimAsync(HttpMethod.Delete, $"/Users/{id}", keyA), HttpStatusCode.NotFound, null, "NotFound");
        }

        var listed = await ScimJsonAsync(await ScimAsync(HttpMethod.Get, "/Users", keyA), HttpStatusCode.OK);
        Assert.DoesNotContain(listed.GetProperty("Resources").EnumerateArray(), r => r.GetProperty("userName").GetString() == b.Email);
        Assert.NotEqual(inA.GetProperty("id").GetString(), inB.GetProperty("id").GetString());

        // One address is one user, whichever teams' directories provision it.
        using var scope = _host.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserStore>();
        var user = await users.FindByEmailAsync("bjensen@example.com", CancellationToken.None);
        var teams = new List<TeamId>();
        await foreach (var team in scope.ServiceProvider.GetRequiredService<ITeamStore>().ListTeamIdsForUserAsync(user!.Id, CancellationToken.None))
        {
            teams.Add(team);
        }

        Assert.Equal(new[] { new TeamId(a.TeamId), new TeamId(b.TeamId) }.OrderBy(t => t.Value), teams.OrderBy(t => t.Value));
    }

    [Fact]
    public async Task AKeyWithoutDirectoryProvision_OrASession_OrNoKey_IsRefused()
    {
        var (owner, narrowed) = await DirectoryAsync("narrowed", key: new { name = "reader", permissions = new[] { Permissions.MembersRead } });
        var (_, member) = await DirectoryAsync("member-key", role: RolePresets.Member);

        await ScimErrorAsync(await ScimAsync(HttpMethod.Get, "/Users", narrowed), HttpStatusCode.Forbidden, null, "PermissionDenied");
        await ScimErrorAsync(await ScimAsync(HttpMethod.Post, "/Users", member, Bjensen), HttpStatusCode.Forbidden, null, "PermissionDenied");
        await ScimErrorAsync(await ScimAsync(HttpMethod.Get, "/Users", owner.Token), HttpStatusCode.Forbidden, null, "PermissionDenied");
        var anonymous = await ScimAsync(HttpMethod.Get, "/ServiceProviderConfig", "ta_nonsense");
        await ScimErrorAsync(anonymous, HttpStatusCode.Unauthorized, null, "SignInRequired");
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.First().Scheme);
    }

    [Fact]
    public async Task Discovery_DescribesWhatThisProviderSupports()
    {
        var (_, key) = await DirectoryAsync("discovery");

        var config = await ScimJsonAsync(await ScimAsync(HttpMethod.Get, "/ServiceProviderConfig", key), HttpStatusCode.OK);
        var types = await ScimJsonAsync(await ScimAsync(HttpMethod.Get, "/ResourceTypes", key), HttpStatusCode.OK);
        var schemas = await ScimJsonAsync(await ScimAsync(HttpMethod.Get, "/Schemas", key), HttpStatusCode.OK);

        Assert.Equal((true, true, false, false), (config.GetProperty("patch").GetProperty("supported").GetBoolean(), config.GetProperty("etag").GetProperty("supported").GetBoolean(), config.GetProperty("bulk").GetProperty("supported").GetBoolean(), config.GetProperty("sort").GetProperty("supported").GetBoolean()));
        Assert.Equal(["User", "Group"], types.GetProperty("Resources").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Contains(schemas.GetProperty("Resources").EnumerateArray(), s => s.GetProperty("id").GetString() == "urn:ietf:params:scim:schemas:core:2.0:User");
        Assert.Equal("Group", (await ScimJsonAsync(await ScimAsync(HttpMethod.Get, "/ResourceTypes/Group", key), HttpStatusCode.OK)).GetProperty("name").GetString());
    }

    /// <summary>Verifies example.com for every team, as a host's DNS check would for the team that proved it.</summary>
    private sealed class ExampleDomainVerifier : IDomainVerifier
    {
        public ValueTask<bool> IsVerifiedAsync(TeamId teamId, string domain, TeamSignInPolicy policy, CancellationToken cancellationToken) =>
            ValueTask.FromResult(domain == "example.com");
    }
}
