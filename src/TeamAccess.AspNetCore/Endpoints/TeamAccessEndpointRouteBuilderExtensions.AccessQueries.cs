using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TeamAccess;
using TeamAccess.AspNetCore;

namespace Microsoft.AspNetCore.Routing;

/// <content>
/// The "who can" and "what can" lists (<see cref="IAccessQueries"/>), answered from the permission index with no store
/// read. The lists are keyset paged: <c>cursor</c> is the previous page's <c>next</c>, and <c>hasMore</c> says whether
/// another page follows, so a list is never cut short silently.
/// </content>
public static partial class TeamAccessEndpointRouteBuilderExtensions
{
    private static void MapAccessQueries(RouteGroupBuilder team)
    {
        team.MapGet("/permissions", (string? userId, string? resourceId, ClaimsPrincipal principal, IAccessQueries access) =>
                TryReadSubject(userId, principal, out var subject, out var refusal)
                    ? access.GetPermissions(principal.UserId(), subject, principal.TeamId(), NullIfEmpty(resourceId))
                        .ToHttpResult(set => new PermissionsResponse(subject.Value, NullIfEmpty(resourceId), [.. set.Select(p => p.Name)]))
                    : refusal)
            .RequireSessionTeam()
            .Describe<PermissionsResponse>("Permissions", "Every permission a user (default: the caller) holds in the team, or on ?resourceId=; about another user it needs members.read.");

        team.MapGet("/holders", (string? permission, string? resourceId, string? cursor, int? pageSize, ClaimsPrincipal principal, IAccessQueries access) =>
                permission is null
                    ? Missing("permission")
                    : access.ListUsersWithPermission(principal.UserId(), principal.TeamId(), permission, NullIfEmpty(resourceId), Page(cursor, pageSize))
                        .ToHttpResult(PermissionHolderPageResponse.From))
            .RequireTeamPermission(Permissions.MembersRead)
            .Describe<PermissionHolderPageResponse>("PermissionHolders", "One page of the members who hold ?permission= (on ?resourceId=), and how, ordered by user id. Continue with ?cursor=<next> while hasMore.");

        team.MapGet("/resources", (string? permission, string? userId, string? cursor, int? pageSize, ClaimsPrincipal principal, IAccessQueries access) =>
            {
                if (permission is null)
                {
                    return Missing("permission");
                }

                return TryReadSubject(userId, principal, out var subject, out var refusal)
                    ? access.ListResources(principal.UserId(), subject, principal.TeamId(), permission, Page(cursor, pageSize)).ToHttpResult(ResourcePageResponse.From)
                    : refusal;
            })
            .RequireSessionTeam()
            .Describe<ResourcePageResponse>("Resources", "One page of the resources grants give a user (default: the caller) ?permission= on, and whether their role reaches every resource; about another user it needs members.read. Continue with ?cursor=<next> while hasMore.");
    }

    /// <summary>The user a query asks about: the <c>userId</c> parameter, or the caller when it is absent.</summary>
    private static bool TryReadSubject(string? userId, ClaimsPrincipal principal, out UserId subject, [NotNullWhen(false)] out IResult? refusal)
    {
        subject = principal.UserId();
        refusal = null;
        if (string.IsNullOrEmpty(userId))
        {
            return true;
        }

        if (!TryReadId(userId, "userId", out var id, out refusal))
        {
            return false;
        }

        subject = new UserId(id);
        return true;
    }

    private static AccessPageRequest Page(string? cursor, int? pageSize) => new(NullIfEmpty(cursor), pageSize ?? 0);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
