using Microsoft.AspNetCore.Mvc;
using TeamAccess.AspNetCore;
using TeamAccess.Grants;
using TeamAccess.Groups;
using TeamAccess.Members;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>
/// The Teams tab: the session team's groups (a name and a handle such as <c>maintenance-team</c>) with their members, and the
/// grants of resources (projects, devices) to members and groups. Anyone who reads members sees it; the services refuse the
/// changes to those without <c>groups.manage</c> or <c>grants.manage</c>.
/// </summary>
[TeamPermission(Permissions.MembersRead)]
public sealed class GroupsModel(IGroupService groups, IGrantService grants, IMemberService members) : PortalPage
{
    /// <summary>What a grant of the portal's devices gives: read, or read and write.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Access = new Dictionary<string, string[]>
    {
        ["read"] = [DevicesModel.Read],
        ["read-write"] = [DevicesModel.Read, DevicesModel.Write],
    };

    /// <summary>Gets the groups by handle.</summary>
    public IReadOnlyList<Group> Groups { get; private set; } = [];

    /// <summary>Gets the grants.</summary>
    public IReadOnlyList<Grant> Grants { get; private set; } = [];

    /// <summary>Gets the team's Active members, by email.</summary>
    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    /// <summary>Names a grant's receiver: a member's email or a group's handle.</summary>
    /// <param name="subject">The receiver.</param>
    /// <returns>The name.</returns>
    public string Name(GrantSubject subject) => subject.Kind == GrantSubjectKind.Group
        ? "group " + (Groups.FirstOrDefault(g => g.Id.Value == subject.Id)?.Handle ?? "?")
        : Email(new MembershipId(subject.Id));

    /// <summary>A member's email.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The email, or <c>?</c> when not an Active member.</returns>
    public string Email(MembershipId id) => Members.FirstOrDefault(m => m.MembershipId == id)?.Email ?? "?";

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
        var error = groupList.Error ?? grantList.Error ?? memberPage.Error;
        if (error is not null)
        {
            Notice = Words(error);
        }
    }

    /// <summary>Creates a group.</summary>
    /// <param name="name">The group's name.</param>
    /// <param name="handle">The group's handle.</param>
    /// <returns>The tab again.</returns>
    public async Task<IActionResult> OnPostCreateAsync(string name, string handle)
    {
        var created = await groups.CreateAsync(Actor, Team, name ?? "", handle ?? "");
        Notice = created.Succeeded ? $"Group {created.Value!.Handle} created." : Words(created.Error);
        return RedirectToPage();
    }

    /// <summary>Puts a member in a group.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="membershipId">The membership.</param>
    /// <returns>The tab again.</returns>
    public async Task<IActionResult> OnPostAddMemberAsync(Guid groupId, Guid membershipId)
    {
        var added = await groups.AddMemberAsync(Actor, Team, new GroupId(groupId), new MembershipId(membershipId));
        Notice = added.Succeeded ? $"Member added to {added.Value!.Handle}." : Words(added.Error);
        return RedirectToPage();
    }

    /// <summary>Grants a resource to a member (<c>m:</c> and the membership id) or a group (<c>g:</c> and the group id).</summary>
    /// <param name="subject">The receiver.</param>
    /// <param name="resourceId">The resource, such as <c>device-42</c>.</param>
    /// <param name="access"><c>read</c> or <c>read-write</c>.</param>
    /// <returns>The tab again.</returns>
    public async Task<IActionResult> OnPostGrantAsync(string subject, string resourceId, string access)
    {
        if (subject is not { Length: > 2 } || !Guid.TryParse(subject.AsSpan(2), out var id) || !Access.TryGetValue(access ?? "", out var permissions))
        {
            Notice = "Choose a member or group and the access to give.";
            return RedirectToPage();
        }

        var receiver = subject[0] == 'g' ? GrantSubject.ForGroup(new GroupId(id)) : GrantSubject.ForMembership(new MembershipId(id));
        var granted = await grants.GrantAsync(Actor, Team, receiver, resourceId ?? "", permissions);
        Notice = granted.Succeeded ? $"Granted {string.Join(", ", granted.Value!.Permissions)} on {granted.Value.ResourceId}." : Words(granted.Error);
        return RedirectToPage();
    }

    /// <summary>Revokes a grant.</summary>
    /// <param name="id">The grant.</param>
    /// <returns>The tab again.</returns>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var revoked = await grants.RevokeAsync(Actor, Team, new GrantId(id));
        Notice = revoked.Succeeded ? "Grant revoked." : Words(revoked.Error);
        return RedirectToPage();
    }
}
