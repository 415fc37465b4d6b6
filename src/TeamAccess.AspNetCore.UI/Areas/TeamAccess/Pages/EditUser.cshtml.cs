using Microsoft.AspNetCore.Mvc;
using TeamAccess.Members;
using TeamAccess.TeamRoles;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The Edit User page: the member's names (edited only on one's own row) and role, from the catalog and the team's own
/// roles, preselected as the member holds it; a role is changed only when another one is picked, so a Save never demotes.
/// </summary>
[TeamPermission(Permissions.MembersManage)]
internal sealed class EditUserModel(IMemberService members, RoleCatalog roles, ITeamRoleService teamRoles) : TeamAccessPageModel
{
    /// <summary>Gets or sets the first name.</summary>
    [BindProperty] public string FirstName { get; set; } = "";

    /// <summary>Gets or sets the last name.</summary>
    [BindProperty] public string LastName { get; set; } = "";

    /// <summary>Gets or sets the role.</summary>
    [BindProperty] public string Role { get; set; } = "";

    /// <summary>Gets the member.</summary>
    public MemberView? Member { get; private set; }

    /// <summary>Gets the roles, lowest first: the catalog's and the team's, and always the member's own.</summary>
    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>Gets whether the member is the signed-in user, the only one who edits their names here.</summary>
    public bool IsSelf => Member?.UserId == Actor;

    /// <summary>Shows the member.</summary>
    /// <param name="id">The membership.</param>
    /// <param name="email">The member's address, which finds their row on the member pages.</param>
    /// <returns>A task.</returns>
    public async Task OnGetAsync(Guid id, string email)
    {
        await LoadAsync(id, email);
        (FirstName, LastName, Role) = (Member?.FirstName ?? "", Member?.LastName ?? "", Member?.Role ?? "");
    }

    /// <summary>Saves the names (one's own) and the role, when another one was picked.</summary>
    /// <param name="id">The membership.</param>
    /// <param name="email">The member's address.</param>
    /// <returns>The Users page, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostAsync(Guid id, string email)
    {
        await LoadAsync(id, email);
        if (Member is not { } member)
        {
            return Page();
        }

        if (IsSelf)
        {
            Fields.CheckName(this, nameof(FirstName), FirstName);
            Fields.CheckName(this, nameof(LastName), LastName);
            if (FieldErrors.Count > 0)
            {
                return Page();
            }

            var named = await members.UpdateNamesAsync(Actor, Team, member.MembershipId, FirstName, LastName);
            if (!named.Succeeded && named.Code != TeamAccessErrorCode.NoChange)
            {
                return Refuse(named.Error);
            }
        }

        if (!string.IsNullOrEmpty(Role) && !string.Equals(Role, member.Role, StringComparison.Ordinal))
        {
            var changed = await members.ChangeRoleAsync(Actor, Team, member.MembershipId, Role);
            if (!changed.Succeeded)
            {
                return Refuse(changed.Error);
            }

            return Done("/Users", $"Saved {email}: now {Role}. They are signed out of this team and sign in again with the new role.");
        }

        return Done("/Users", $"Saved {email}.");
    }

    /// <summary>Removes the member from the team.</summary>
    /// <param name="id">The membership.</param>
    /// <param name="email">The member's address.</param>
    /// <returns>The Users page, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, string email)
    {
        var removed = await members.RemoveAsync(Actor, Team, new MembershipId(id));
        if (!removed.Succeeded)
        {
            await OnGetAsync(id, email);
            return Refuse(removed.Error);
        }

        return Done("/Users", $"Removed {email} from the team.");
    }

    private async Task LoadAsync(Guid id, string email)
    {
        var page = await members.ListPageAsync(Actor, Team, new MemberQuery { EmailPrefix = email, PageSize = 20 });
        Member = page.Value?.Members.FirstOrDefault(m => m.MembershipId.Value == id);
        var choices = await RoleChoices.ListAsync(roles, teamRoles, Actor, Team);
        Roles = Member is { } m && !choices.Contains(m.Role, StringComparer.Ordinal) ? [.. choices, m.Role] : choices;
    }
}
