using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TeamAccess.Grants;
using TeamAccess.Groups;
using TeamAccess.Members;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The Groups page: the session team's groups (a name and a handle such as <c>maintenance-team</c>) with their members, and
/// the grants of the host's resources to members and groups. Anyone who reads members sees it; the services refuse the
/// changes to those without <c>groups.manage</c> or <c>grants.manage</c>.
/// </summary>
[TeamPermission(Permissions.MembersRead)]
internal sealed class GroupsModel(IGroupService groups, IGrantService grants, IMemberService members, IOptions<TeamAccessUIOptions> ui, IServiceProvider services) : TeamAccessPageModel
{
    /// <summary>Gets the kinds of access a grant gives, by name.</summary>
    public IDictionary<string, IReadOnlyList<string>> Levels => ui.Value.GrantLevels;

    /// <summary>Gets the groups.</summary>
    public IReadOnlyList<Group> Groups { get; private set; } = [];

    /// <summary>Gets the grants.</summary>
    public IReadOnlyList<Grant> Grants { get; private set; } = [];

    /// <summary>Gets the team's Active members, by email.</summary>
    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    /// <summary>Gets the host's resources to pick from, or <see langword="null"/> when the host lists none.</summary>
    public IReadOnlyList<TeamResource>? Resources { get; private set; }

    /// <summary>Finds an Active member.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The member, or <see langword="null"/>.</returns>
    public MemberView? Person(MembershipId id) => Members.FirstOrDefault(m => m.MembershipId == id);

    /// <summary>Names a grant's receiver: a member's name and address, or a group's name.</summary>
    /// <param name="subject">The receiver.</param>
    /// <returns>The name.</returns>
    public string Name(GrantSubject subject) => subject.Kind == GrantSubjectKind.Group
        ? Groups.FirstOrDefault(g => g.Id.Value == subject.Id) is { } g ? $"Group: {g.Name} ({g.Handle})" : "A deleted group"
        : Person(new MembershipId(subject.Id)) is { } m ? Show.Label(m) : "A former member";

    /// <summary>Names a resource: the host's name for it and its id, or its id.</summary>
    /// <param name="id">The resource.</param>
    /// <returns>The name.</returns>
    public string ResourceName(string id) => Resources?.FirstOrDefault(r => r.Id == id) is { } r ? $"{r.Name} ({r.Id})" : id;

    /// <summary>Names the access of a grant by the level that gives exactly its permissions, or lists them.</summary>
    /// <param name="permissions">The grant's permissions.</param>
    /// <returns>The name.</returns>
    public string AccessName(IEnumerable<string> permissions)
    {
        var set = permissions.ToHashSet(StringComparer.Ordinal);
        return Levels.FirstOrDefault(l => set.SetEquals(l.Value)).Key ?? string.Join(", ", set.Order(StringComparer.Ordinal));
    }

    /// <summary>Reads the groups, grants and members.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        var groupList = await groups.ListAsync(Actor, Team);
        var grantList = await grants.ListAsync(Actor, Team);
        var memberPage = await members.ListPageAsync(Actor, Team, new MemberQuery { Status = MembershipStatus.Active, PageSize = MemberQuery.MaxPageSize });
        Groups = groupList.Value ?? [];
        Grants = grantList.Value ?? [];
        Members = memberPage.Value?.Members ?? [];
        if (services.GetService(typeof(ITeamResourceCatalog)) is ITeamResourceCatalog catalog)
        {
            Resources = await catalog.ListAsync(Team, HttpContext.RequestAborted);
        }

        var error = groupList.Error ?? grantList.Error ?? memberPage.Error;
        if (error is not null)
        {
            Error = Words(error);
        }
    }

    /// <summary>Creates a group.</summary>
    /// <param name="name">The group's name.</param>
    /// <param name="handle">The group's handle.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostCreateAsync(string name, string handle)
    {
        var created = await groups.CreateAsync(Actor, Team, name ?? "", handle ?? "");
        return RedirectWith(created.Error, $"Group {created.Value?.Handle} created.");
    }

    /// <summary>Renames a group; its handle, members and grants stay.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="name">The group's new name.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostRenameAsync(Guid groupId, string name)
    {
        var renamed = await groups.RenameAsync(Actor, Team, new GroupId(groupId), name ?? "");
        return RedirectWith(renamed.Error, Messages.Text("Groups.Renamed", renamed.Value?.Handle ?? "", renamed.Value?.Name ?? ""));
    }

    /// <summary>Deletes a group.</summary>
    /// <param name="groupId">The group.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostDeleteAsync(Guid groupId)
    {
        var deleted = await groups.DeleteAsync(Actor, Team, new GroupId(groupId));
        return RedirectWith(deleted.Error, "Group deleted.");
    }

    /// <summary>Puts a member in a group.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="membershipId">The membership.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostAddMemberAsync(Guid groupId, Guid membershipId)
    {
        var added = await groups.AddMemberAsync(Actor, Team, new GroupId(groupId), new MembershipId(membershipId));
        return RedirectWith(added.Error, $"Member added to {added.Value?.Name}.");
    }

    /// <summary>Takes a member out of a group (they stay in the team).</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="membershipId">The membership.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostRemoveMemberAsync(Guid groupId, Guid membershipId)
    {
        var removed = await groups.RemoveMemberAsync(Actor, Team, new GroupId(groupId), new MembershipId(membershipId));
        return RedirectWith(removed.Error, $"Member removed from {removed.Value?.Name}.");
    }

    /// <summary>Grants a resource to a member (<c>m:</c> and the membership id) or a group (<c>g:</c> and the group id).</summary>
    /// <param name="subject">The receiver.</param>
    /// <param name="resourceId">The resource, such as <c>device-42</c>.</param>
    /// <param name="access">The name of a <see cref="TeamAccessUIOptions.GrantLevels"/> entry.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostGrantAsync(string subject, string resourceId, string access)
    {
        if (subject is not { Length: > 2 } || !Guid.TryParse(subject.AsSpan(2), out var id) || !Levels.TryGetValue(access ?? "", out var permissions))
        {
            Refusal = "Choose a member or group and the access to give.";
            return RedirectToPage();
        }

        var receiver = subject[0] == 'g' ? GrantSubject.ForGroup(new GroupId(id)) : GrantSubject.ForMembership(new MembershipId(id));
        var granted = await grants.GrantAsync(Actor, Team, receiver, resourceId ?? "", [.. permissions]);
        return RedirectWith(granted.Error, $"Granted {access} access on {granted.Value?.ResourceId}.");
    }

    /// <summary>Revokes a grant.</summary>
    /// <param name="id">The grant.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var revoked = await grants.RevokeAsync(Actor, Team, new GrantId(id));
        return RedirectWith(revoked.Error, "Grant revoked.");
    }
}
