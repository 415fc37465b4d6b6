using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using TeamAccess;
using TeamAccess.AspNetCore;
using TeamAccess.AspNetCore.Scim;
using TeamAccess.Provisioning;

namespace Microsoft.AspNetCore.Routing;

/// <content>The team's directory over SCIM 2.0 (<see cref="IProvisioningService"/>).</content>
public static partial class TeamAccessEndpointRouteBuilderExtensions
{
    /// <summary>The largest SCIM request body read, in bytes; a larger one is refused (413).</summary>
    private const int MaxScimBody = 1024 * 1024;

    private static readonly string[] UserFilterAttributes = ["userName", "externalId", "id"];
    private static readonly string[] GroupFilterAttributes = ["displayName", "id"];
    private static readonly string[] ScimSegments = ["/Users", "/Groups", "/ServiceProviderConfig", "/ResourceTypes", "/Schemas"];

    /// <summary>
    /// Maps a SCIM 2.0 service provider (RFC 7643/7644) for the team's directory under <paramref name="endpoints"/>
    /// (use <c>app.MapGroup("/scim/v2").MapTeamAccessScim()</c>): <c>/Users</c> (create, read, list with <c>filter</c>
    /// <c>userName eq</c>, <c>externalId eq</c> or <c>id eq</c> and <c>startIndex</c>/<c>count</c> paging, replace,
    /// PATCH, delete), <c>/Groups</c> (create, read, list, PATCH or PUT name and members, delete), <c>/ServiceProviderConfig</c>,
    /// <c>/ResourceTypes</c> and <c>/Schemas</c>. Every request is authenticated by an API key of a service account
    /// (<c>Authorization: Bearer ta_...</c>) whose role, and the key if narrowed, holds <c>directory.provision</c>; it acts
    /// in that key's team only. Answers are <c>application/scim+json</c>, with ETags; <c>If-Match</c> on a change that
    /// no longer holds is 412; refusals are SCIM errors naming the TeamAccess code (LastGuardian among them).
    /// </summary>
    /// <param name="endpoints">Where to map the endpoints.</param>
    /// <returns>A builder for the mapped endpoints.</returns>
    public static IEndpointConventionBuilder MapTeamAccessScim(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var scim = endpoints.MapGroup(string.Empty).WithTags("TeamAccess SCIM").ExcludeFromDescription();
        scim.AddEndpointFilter(AuthorizeDirectoryAsync);

        scim.MapGet("/ServiceProviderConfig", (HttpContext http) => new ScimResult(StatusCodes.Status200OK, ScimDiscovery.ServiceProviderConfig(BaseUrl(http))));
        scim.MapGet("/ResourceTypes", (HttpContext http) => Listed(ScimDiscovery.ResourceTypes(BaseUrl(http))));
        scim.MapGet("/ResourceTypes/{name}", (string name, HttpContext http) => Single(ScimDiscovery.ResourceTypes(BaseUrl(http)), name));
        scim.MapGet("/Schemas", (HttpContext http) => Listed(ScimDiscovery.Schemas(BaseUrl(http))));
        scim.MapGet("/Schemas/{id}", (string id, HttpContext http) => Single(ScimDiscovery.Schemas(BaseUrl(http)), id));

        scim.MapPost("/Users", CreateUserAsync);
        scim.MapGet("/Users", ListUsersAsync);
        scim.MapGet("/Users/{id}", GetUserAsync);
        scim.MapPut("/Users/{id}", (string id, HttpContext http, IProvisioningService directory, CancellationToken ct) => ChangeUserAsync(id, http, directory, put: true, ct));
        scim.MapPatch("/Users/{id}", (string id, HttpContext http, IProvisioningService directory, CancellationToken ct) => ChangeUserAsync(id, http, directory, put: false, ct));
        scim.MapDelete("/Users/{id}", DeleteUserAsync);

        scim.MapPost("/Groups", CreateGroupAsync);
        scim.MapGet("/Groups", ListGroupsAsync);
        scim.MapGet("/Groups/{id}", GetGroupAsync);
        scim.MapPatch("/Groups/{id}", (string id, HttpContext http, IProvisioningService directory, CancellationToken ct) => ChangeGroupAsync(id, http, directory, put: false, ct));
        scim.MapPut("/Groups/{id}", (string id, HttpContext http, IProvisioningService directory, CancellationToken ct) => ChangeGroupAsync(id, http, directory, put: true, ct));
        scim.MapDelete("/Groups/{id}", DeleteGroupAsync);
        return scim;
    }

    /// <summary>
    /// Admits a service account's API key of the team whose role (and narrowing, if any) holds directory.provision; a
    /// person's session, another key or none gets a SCIM 401 or 403. The principal is the key's, whatever the host's default scheme.
    /// </summary>
    private static async ValueTask<object?> AuthorizeDirectoryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var authenticated = await http.AuthenticateAsync(TeamAccessAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (!authenticated.Succeeded || authenticated.Principal is not { } principal)
        {
            http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            return ScimErrors.Error(StatusCodes.Status401Unauthorized, null, $"{TeamAccessErrorCode.SignInRequired}: send an API key of the team's directory service account as Authorization: Bearer ta_...");
        }

        var narrowed = principal.FindFirst(TeamAccessClaimTypes.KeyPermission) is not null;
        var allowed = principal.FindFirstValue(TeamAccessClaimTypes.PrincipalKind) == TeamAccessPrincipalKinds.ServiceAccount
            && (!narrowed || principal.HasClaim(TeamAccessClaimTypes.KeyPermission, Permissions.DirectoryProvision))
            && http.RequestServices.GetRequiredService<IAccessChecker>().HasPermission(principal.UserId(), principal.TeamId(), Permissions.DirectoryProvision);
        if (!allowed)
        {
            return ScimErrors.Error(StatusCodes.Status403Forbidden, null, $"{TeamAccessErrorCode.PermissionDenied}: the directory needs an API key of a service account of the team whose role holds {Permissions.DirectoryProvision}.");
        }

        http.User = principal;
        return await next(context).ConfigureAwait(false);
    }

    private static async Task<IResult> CreateUserAsync(HttpContext http, IProvisioningService directory, CancellationToken ct)
    {
        var (body, invalid) = await ReadScimBodyAsync(http, ct).ConfigureAwait(false);
        if (body is null)
        {
            return invalid!;
        }

        var (edit, error) = ScimUserEdit.FromResource(body);
        if (edit is null)
        {
            return error!;
        }

        var created = await directory.ProvisionAsync(http.User.UserId(), http.User.TeamId(), edit.ToRequest(), ct).ConfigureAwait(false);
        return created.TryGetValue(out var user) ? UserResult(http, user, StatusCodes.Status201Created) : ScimErrors.Of(created.Error!);
    }

    private static async Task<IResult> GetUserAsync(string id, HttpContext http, IProvisioningService directory, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var membershipId))
        {
            return ScimErrors.Of(TeamAccessErrorCode.NotFound);
        }

        var found = await directory.GetAsync(http.User.UserId(), http.User.TeamId(), new MembershipId(membershipId), ct).ConfigureAwait(false);
        return found.TryGetValue(out var user) ? UserResult(http, user, StatusCodes.Status200OK) : ScimErrors.Of(found.Error!);
    }

    private static async Task<IResult> ListUsersAsync(HttpContext http, IProvisioningService directory, CancellationToken ct)
    {
        var query = http.Request.Query;
        if (!ScimFilter.TryParse(query["filter"], UserFilterAttributes, ScimJson.UserSchema, out var clauses, out var filterError))
        {
            return ScimErrors.Of(TeamAccessErrorCode.InvalidDirectoryFilter, filterError);
        }

        if (ScimPaging(http) is not { } paging)
        {
            return ScimErrors.Value("startIndex and count are integers.");
        }

        var (startIndex, count) = paging;

        // An id that is not one of ours matches nobody: an empty list, as for any filter that matches nothing.
        MembershipId? byId = null;
        if (clauses.TryGetValue("id", out var id))
        {
            if (!Guid.TryParse(id, out var guid))
            {
                return Listed([], 0, startIndex);
            }

            byId = new MembershipId(guid);
        }

        var request = new DirectoryUserQuery { Email = clauses.GetValueOrDefault("userName"), ExternalId = clauses.GetValueOrDefault("externalId"), Id = byId, StartIndex = startIndex, Count = count };
        var listed = await directory.ListAsync(http.User.UserId(), http.User.TeamId(), request, ct).ConfigureAwait(false);
        if (!listed.TryGetValue(out var page))
        {
            return ScimErrors.Of(listed.Error!);
        }

        var baseUrl = BaseUrl(http);
        return Listed(page.Users.Select(u => (JsonNode)ScimJson.Project(ScimJson.User(u, baseUrl), query["attributes"], query["excludedAttributes"])), page.Total, page.StartIndex);
    }

    private static async Task<IResult> ChangeUserAsync(string id, HttpContext http, IProvisioningService directory, bool put, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var membershipId))
        {
            return ScimErrors.Of(TeamAccessErrorCode.NotFound);
        }

        var (body, invalid) = await ReadScimBodyAsync(http, ct).ConfigureAwait(false);
        if (body is null)
        {
            return invalid!;
        }

        var (edit, error) = put ? ScimUserEdit.FromResource(body) : ScimUserEdit.FromPatch(body);
        if (edit is null)
        {
            return error!;
        }

        var ifVersion = ScimJson.IfMatch(http.Request.Headers[HeaderNames.IfMatch]);
        var changed = await directory.UpdateAsync(http.User.UserId(), http.User.TeamId(), new MembershipId(membershipId), edit.ToChange(ifVersion, replacesExternalId: put), ct).ConfigureAwait(false);
        return changed.TryGetValue(out var user) ? UserResult(http, user, StatusCodes.Status200OK) : ScimErrors.Of(changed.Error!);
    }

    private static async Task<IResult> DeleteUserAsync(string id, HttpContext http, IProvisioningService directory, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var membershipId))
        {
            return ScimErrors.Of(TeamAccessErrorCode.NotFound);
        }

        var ifVersion = ScimJson.IfMatch(http.Request.Headers[HeaderNames.IfMatch]);
        var removed = await directory.RemoveAsync(http.User.UserId(), http.User.TeamId(), new MembershipId(membershipId), ifVersion, ct).ConfigureAwait(false);
        return removed.Succeeded ? ScimResult.NoContent : ScimErrors.Of(removed.Error!);
    }

    private static async Task<IResult> CreateGroupAsync(HttpContext http, IProvisioningService directory, CancellationToken ct)
    {
        var (body, invalid) = await ReadScimBodyAsync(http, ct).ConfigureAwait(false);
        if (body is null)
        {
            return invalid!;
        }

        if (body["displayName"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
        {
            return ScimErrors.Value("displayName is required and is a string.");
        }

        var members = new List<MembershipId>();
        if (ScimGroupEdit.Members(body["members"], members) is { } error)
        {
            return error;
        }

        var created = await directory.CreateGroupAsync(http.User.UserId(), http.User.TeamId(), name.GetValue<string>(), members, ct).ConfigureAwait(false);
        return created.TryGetValue(out var group) ? GroupResult(http, group, StatusCodes.Status201Created) : ScimErrors.Of(created.Error!);
    }

    private static async Task<IResult> ListGroupsAsync(HttpContext http, IProvisioningService directory, CancellationToken ct)
    {
        var query = http.Request.Query;
        if (!ScimFilter.TryParse(query["filter"], GroupFilterAttributes, ScimJson.GroupSchema, out var clauses, out var filterError))
        {
            return ScimErrors.Of(TeamAccessErrorCode.InvalidDirectoryFilter, filterError);
        }

        if (ScimPaging(http) is not { } paging)
        {
            return ScimErrors.Value("startIndex and count are integers.");
        }

        var (startIndex, count) = paging;

        var listed = await directory.ListGroupsAsync(http.User.UserId(), http.User.TeamId(), clauses.GetValueOrDefault("displayName"), ct).ConfigureAwait(false);
        if (!listed.TryGetValue(out var groups))
        {
            return ScimErrors.Of(listed.Error!);
        }

        var matching = groups.Where(g => !clauses.TryGetValue("id", out var id) || g.Id.Value.ToString().Equals(id, StringComparison.OrdinalIgnoreCase)).ToList();
        var baseUrl = BaseUrl(http);
        var page = matching.Skip(startIndex - 1).Take(Math.Clamp(count, 0, DirectoryUserQuery.MaxCount));
        return Listed(page.Select(g => (JsonNode)ScimJson.Project(ScimJson.Group(g, baseUrl), query["attributes"], query["excludedAttributes"])), matching.Count, startIndex);
    }

    private static async Task<IResult> GetGroupAsync(string id, HttpContext http, IProvisioningService directory, CancellationToken ct)
    {
        var found = await FindGroupAsync(id, http, directory, ct).ConfigureAwait(false);
        return found.TryGetValue(out var group) ? GroupResult(http, group, StatusCodes.Status200OK) : ScimErrors.Of(found.Error!);
    }

    /// <summary>A PATCH (RFC 7644 3.5.2) or a PUT (3.5.1) of a group: its name and members in one write, all or nothing.</summary>
    private static async Task<IResult> ChangeGroupAsync(string id, HttpContext http, IProvisioningService directory, bool put, CancellationToken ct)
    {
        var (body, invalid) = await ReadScimBodyAsync(http, ct).ConfigureAwait(false);
        if (body is null)
        {
            return invalid!;
        }

        var found = await FindGroupAsync(id, http, directory, ct).ConfigureAwait(false);
        if (!found.TryGetValue(out var group))
        {
            return ScimErrors.Of(found.Error!);
        }

        if (ScimJson.IfMatch(http.Request.Headers[HeaderNames.IfMatch]) is { } version && version != ScimJson.GroupVersion(group))
        {
            return ScimErrors.Of(TeamAccessErrorCode.DirectoryVersionMismatch);
        }

        var (edit, error) = put ? ScimGroupEdit.FromResource(body) : ScimGroupEdit.FromPatch(body, group.Name);
        if (edit is null)
        {
            return error!;
        }

        // A replace or a remove-all is decided against the members just read; the adds and removes are one write.
        var add = edit.ReplaceWith is { } wanted ? wanted.Where(m => !group.Members.Contains(m)).ToHashSet() : edit.Add;
        var remove = edit.ReplaceWith is { } kept ? group.Members.Where(m => !kept.Contains(m)).ToHashSet()
            : edit.RemoveAll ? group.Members.Where(m => !edit.Add.Contains(m)).ToHashSet()
            : edit.Remove;
        var changed = await directory.ChangeGroupAsync(http.User.UserId(), http.User.TeamId(), group.Id, add, remove, edit.Rename, ct).ConfigureAwait(false);
        return changed.TryGetValue(out var after) ? GroupResult(http, after, StatusCodes.Status200OK) : ScimErrors.Of(changed.Error!);
    }

    private static async Task<IResult> DeleteGroupAsync(string id, HttpContext http, IProvisioningService directory, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var groupId))
        {
            return ScimErrors.Of(TeamAccessErrorCode.NotFound);
        }

        var deleted = await directory.DeleteGroupAsync(http.User.UserId(), http.User.TeamId(), new GroupId(groupId), ct).ConfigureAwait(false);
        return deleted.Succeeded ? ScimResult.NoContent : ScimErrors.Of(deleted.Error!);
    }

    private static async Task<Result<Group>> FindGroupAsync(string id, HttpContext http, IProvisioningService directory, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var groupId))
        {
            return Result<Group>.Failed(TeamAccessErrorCode.NotFound);
        }

        var listed = await directory.ListGroupsAsync(http.User.UserId(), http.User.TeamId(), null, ct).ConfigureAwait(false);
        return !listed.TryGetValue(out var groups) ? Result<Group>.Failed(listed.Error!)
            : groups.FirstOrDefault(g => g.Id.Value == groupId) is { } group ? Result<Group>.Ok(group)
            : Result<Group>.Failed(TeamAccessErrorCode.NotFound);
    }

    /// <summary>A request's JSON object, at most <see cref="MaxScimBody"/> bytes; anything else is a SCIM error.</summary>
    private static async Task<(JsonObject? Body, IResult? Error)> ReadScimBodyAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.ContentLength > MaxScimBody)
        {
            return (null, ScimErrors.Error(StatusCodes.Status413PayloadTooLarge, null, $"A request body has at most {MaxScimBody} bytes."));
        }

        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxScimBody)
                {
                    return (null, ScimErrors.Error(StatusCodes.Status413PayloadTooLarge, null, $"A request body has at most {MaxScimBody} bytes."));
                }

                buffer.Write(chunk, 0, read);
            }

            return JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 16 }) is JsonObject body
                ? (body, null)
                : (null, ScimErrors.Syntax("The body is a JSON object."));
        }
        catch (JsonException)
        {
            return (null, ScimErrors.Syntax("The body is not valid JSON."));
        }
    }

    /// <summary>RFC 7644 3.4.2.4: startIndex (default 1; below 1 is 1) and count (default and at most the page maximum; negative is 0); not integers: <see langword="null"/>.</summary>
    private static (int StartIndex, int Count)? ScimPaging(HttpContext http)
    {
        var query = http.Request.Query;
        var start = 1;
        var count = DirectoryUserQuery.MaxCount;
        if ((query.TryGetValue("startIndex", out var s) && !int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out start))
            || (query.TryGetValue("count", out var c) && !int.TryParse(c, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out count)))
        {
            return null;
        }

        return (Math.Max(1, start), Math.Clamp(count, 0, DirectoryUserQuery.MaxCount));
    }

    private static ScimResult UserResult(HttpContext http, DirectoryUser user, int status)
    {
        var json = ScimJson.User(user, BaseUrl(http));
        var location = json["meta"]!["location"]!.GetValue<string>();
        return new ScimResult(status, ScimJson.Project(json, http.Request.Query["attributes"], http.Request.Query["excludedAttributes"]), user.Version, location);
    }

    private static ScimResult GroupResult(HttpContext http, Group group, int status)
    {
        var json = ScimJson.Group(group, BaseUrl(http));
        return new ScimResult(status, json, ScimJson.GroupVersion(group), json["meta"]!["location"]!.GetValue<string>());
    }

    private static ScimResult Listed(IEnumerable<JsonNode> resources, int total = -1, int startIndex = 1)
    {
        var list = resources.ToList();
        return new ScimResult(StatusCodes.Status200OK, ScimJson.List(list, total < 0 ? list.Count : total, startIndex));
    }

    private static ScimResult Single(IEnumerable<JsonObject> resources, string id) =>
        resources.FirstOrDefault(r => string.Equals(r["id"]?.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase)) is { } found
            ? new ScimResult(StatusCodes.Status200OK, found)
            : ScimErrors.Of(TeamAccessErrorCode.NotFound);

    /// <summary>The SCIM base URL of the request: its origin and path up to the resource segment (where <c>MapTeamAccessScim</c> was mapped).</summary>
    private static string BaseUrl(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        var at = ScimSegments.Select(s => path.LastIndexOf(s, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(path.Length).Max();
        return $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{path[..at]}";
    }
}
