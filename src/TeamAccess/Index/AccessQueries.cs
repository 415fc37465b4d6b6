using System.Runtime.CompilerServices;
using System.Text;
using TeamAccess.Domain;

namespace TeamAccess.Index;

/// <summary>
/// The default <see cref="IAccessQueries"/>: reads the engine's compiled index of the team as it is at the call, through
/// the same words the checks test (<see cref="CompiledTeam.Entry.TeamMask"/>, <see cref="CompiledTeam.RoleResourceMask"/>
/// and the grant words), so a list cannot disagree with a check of the same index version. A page walks the team's
/// members (or one member's grant words) in key order from the cursor's key and stops one match past the page, which
/// is how it knows whether more follow.
/// </summary>
internal sealed class AccessQueries : IAccessQueries
{
    private static readonly TeamAccessError Stale = new(
        TeamAccessErrorCode.PermissionDenied,
        "This instance's permission index is further behind the change feed than the staleness bound allows, and it refuses every check until it catches up.");

    private readonly AccessEngine _engine;
    private readonly PermissionCatalog _catalog;
    private readonly Permission _membersRead;

    public AccessQueries(AccessEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _catalog = engine.Roles.PermissionCatalog;
        _membersRead = _catalog.Get(Permissions.MembersRead);
    }

    public Result<PermissionHolderPage> ListUsersWithPermission(UserId actor, TeamId teamId, string permission, string? resourceId = null, AccessPageRequest page = default)
    {
        if (!_catalog.TryGet(permission, out var resolved))
        {
            return Result<PermissionHolderPage>.Failed(TeamAccessErrorCode.InvalidPermission);
        }

        if (resourceId is not null && !Names.IsValidResourceId(resourceId))
        {
            return Result<PermissionHolderPage>.Failed(TeamAccessErrorCode.InvalidResource);
        }

        Guid? after = null;
        if (page.Cursor is not null)
        {
            if (!AccessCursor.TryReadUser(page.Cursor, out var last))
            {
                return Result<PermissionHolderPage>.Failed(TeamAccessErrorCode.InvalidCursor);
            }

            after = last;
        }

        if (Authorize(actor, teamId, subject: null, out var team) is { } refused)
        {
            return Result<PermissionHolderPage>.Failed(refused);
        }

        var bit = resolved.Mask;
        var grants = resourceId is null ? null : team.GrantsOn(resourceId);
        var order = team.PositionsByUser;
        var size = page.EffectivePageSize;
        var holders = new List<PermissionHolder>(Math.Min(size, order.Length));
        string? next = null;
        for (var i = after is { } key ? FirstAfter(team, order, key) : 0; i < order.Length; i++)
        {
            ref readonly var entry = ref team.EntryAt(order[i]);
            if (!entry.Holds)
            {
                continue;
            }

            AccessPaths via;
            if (resourceId is null)
            {
                via = (entry.TeamMask & bit) != 0 ? AccessPaths.Role : AccessPaths.None;
            }
            else
            {
                via = (team.RoleResourceMask(in entry) & bit) != 0 ? AccessPaths.Role : AccessPaths.None;
                if (grants is not null && grants.TryGetValue(entry.SlotPlusOne - 1, out var word))
                {
                    via |= Paths(word, bit);
                }
            }

            if (via == AccessPaths.None)
            {
                continue;
            }

            if (holders.Count == size)
            {
                // One more holder past the page: the list goes on, from the last one listed.
                next = AccessCursor.ForUser(holders[^1].UserId.Value);
                break;
            }

            holders.Add(new PermissionHolder(new UserId(entry.UserId), team.MembershipIdOf(in entry), team.RoleNameOf(in entry)!, via) { IsServiceAccount = team.IsServiceAccount(in entry) });
        }

        return Result<PermissionHolderPage>.Ok(new PermissionHolderPage(holders, next));
    }

    public Result<ResourcePage> ListResources(UserId actor, UserId userId, TeamId teamId, string permission, AccessPageRequest page = default)
    {
        if (!_catalog.TryGet(permission, out var resolved))
        {
            return Result<ResourcePage>.Failed(TeamAccessErrorCode.InvalidPermission);
        }

        string? after = null;
        if (page.Cursor is not null && !AccessCursor.TryReadResource(page.Cursor, out after))
        {
            return Result<ResourcePage>.Failed(TeamAccessErrorCode.InvalidCursor);
        }

        if (Authorize(actor, teamId, userId, out var team) is { } refused)
        {
            return Result<ResourcePage>.Failed(refused);
        }

        ref readonly var entry = ref team.Find(userId.Value);
        if (Unsafe.IsNullRef(in entry) && userId != actor)
        {
            return Result<ResourcePage>.Failed(TeamAccessErrorCode.NotFound);
        }

        if (Unsafe.IsNullRef(in entry) || !entry.Holds)
        {
            return Result<ResourcePage>.Ok(new ResourcePage([], false, null));
        }

        var bit = resolved.Mask;
        var everyResource = (team.RoleResourceMask(in entry) & bit) != 0;
        var grants = team.GrantsBySlot;
        var slot = entry.SlotPlusOne - 1;
        var (start, end) = (grants.Offsets[slot], grants.Offsets[slot + 1]);
        if (after is not null)
        {
            start = FirstAfter(grants.Resources, start, end, after);
        }

        var size = page.EffectivePageSize;
        var resources = new List<ResourceReach>(Math.Min(size, end - start));
        string? next = null;
        for (var i = start; i < end; i++)
        {
            var via = Paths(grants.Words[i], bit);
            if (via == AccessPaths.None)
            {
                continue;
            }

            if (resources.Count == size)
            {
                next = AccessCursor.ForResource(resources[^1].ResourceId);
                break;
            }

            resources.Add(new ResourceReach(grants.Resources[i], via));
        }

        return Result<ResourcePage>.Ok(new ResourcePage(resources, everyResource, next));
    }

    public Result<PermissionSet> GetPermissions(UserId actor, UserId userId, TeamId teamId, string? resourceId = null)
    {
        if (resourceId is not null && !Names.IsValidResourceId(resourceId))
        {
            return Result<PermissionSet>.Failed(TeamAccessErrorCode.InvalidResource);
        }

        if (Authorize(actor, teamId, userId, out var team) is { } refused)
        {
            return Result<PermissionSet>.Failed(refused);
        }

        ref readonly var entry = ref team.Find(userId.Value);
        if (Unsafe.IsNullRef(in entry) && userId != actor)
        {
            // Not a member of this team (nor invited, nor inactive): not the team's to describe.
            return Result<PermissionSet>.Failed(TeamAccessErrorCode.NotFound);
        }

        var mask = Unsafe.IsNullRef(in entry) ? 0 : resourceId is null ? entry.TeamMask : team.ResourceMask(in entry, resourceId);
        return Result<PermissionSet>.Ok(new PermissionSet(_catalog, mask));
    }

    private static AccessPaths Paths(CompiledTeam.GrantWord word, ulong bit) =>
        ((word.Direct & bit) != 0 ? AccessPaths.DirectGrant : AccessPaths.None) | ((word.ViaGroup & bit) != 0 ? AccessPaths.GroupGrant : AccessPaths.None);

    /// <summary>The first index of <paramref name="order"/> whose user id is after <paramref name="last"/>.</summary>
    private static int FirstAfter(CompiledTeam team, int[] order, Guid last)
    {
        var (low, high) = (0, order.Length);
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (team.EntryAt(order[middle]).UserId.CompareTo(last) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The first index in [<paramref name="low"/>, <paramref name="high"/>) whose resource id is after <paramref name="last"/>.</summary>
    private static int FirstAfter(string[] resources, int low, int high, string last)
    {
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (string.CompareOrdinal(resources[middle], last) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// The read's authorization, from the index: nobody reads a team they have no current membership in (it does not
    /// exist for them); a deleted team is answered as such; reading about another user needs <c>members.read</c>, which
    /// only an Active membership of an Active team holds; reading about oneself needs only the membership.
    /// </summary>
    private TeamAccessError? Authorize(UserId actor, TeamId teamId, UserId? subject, out CompiledTeam team)
    {
        // One version of the team for the authorization and the list: a swap between the two must not mix them.
        team = _engine.FindTeam(teamId)!;
        if (_engine.Refusing)
        {
            return Stale;
        }

        if (team is null)
        {
            return Error(TeamAccessErrorCode.NotFound);
        }

        ref readonly var entry = ref team.Find(actor.Value);
        if (Unsafe.IsNullRef(in entry))
        {
            return Error(TeamAccessErrorCode.NotFound);
        }

        if (team.Status == TeamStatus.Deleted)
        {
            return Error(TeamAccessErrorCode.TeamDeleted);
        }

        return subject == actor || (entry.TeamMask & _membersRead.Mask) != 0 ? null : Error(TeamAccessErrorCode.PermissionDenied);
    }

    private static TeamAccessError Error(TeamAccessErrorCode code) => new(code, ErrorMessages.For(code));
}
