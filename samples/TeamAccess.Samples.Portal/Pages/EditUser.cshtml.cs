using Microsoft.AspNetCore.Mvc;
using TeamAccess.AspNetCore;
using TeamAccess.Members;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>The Edit User page: first and last names and the role; the email is shown, never edited.</summary>
[TeamPermission(Permissions.MembersManage)]
public sealed class EditUserModel(IMemberService members, RoleCatalog roles) : PortalPage
{
    /// <summary>Gets or sets the first name.</summary>
    [BindProperty] public string FirstName { get; set; } = "";

    /// <summary>Gets or sets the last name.</summary>
    [BindProperty] public string LastName { get; set; } = "";

    /// <summary>Gets or sets the role.</summary>
    [BindProperty] public string Role { get; set; } = "";

    /// <summary>Gets the member.</summary>
    public MemberView? Member { get; private set; }

    /// <summary>Gets the roles, lowest first.</summary>
    public IEnumerable<string> Roles => roles.Roles.OrderBy(r => r.Rank).Select(r => r.Name);

    /// <summary>Shows the member.</summary>
    /// <param name="id">The membership.</param>
    /// <param name="email">The member's address, which finds their row on the member pages.</param>
    /// <returns>A task.</returns>
    public async Task OnGetAsync(Guid id, string email)
    {
        await LoadAsync(id, email);
        (FirstName, LastName, Role) = (Member?.FirstName ?? "", Member?.LastName ?? "", Member?.Role ?? "");
    }

    /// <summary>Saves the names and the role.</summary>
    /// <param name="id">The membership.</param>
    /// <param name="email">The member's address.</param>
    /// <returns>The Users page, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostAsync(Guid id, string email)
    {
        // Names are the user's own (a team never edits a global user's names): they are saved only on one's own row.
        await LoadAsync(id, email);
        var named = IsSelf ? await members.UpdateNamesAsync(Actor, Team, new MembershipId(id), FirstName, LastName) : (Result)Result.Success;
        var changed = named.Succeeded ? await members.ChangeRoleAsync(Actor, Team, new MembershipId(id), Role) : null;
        if (!named.Succeeded || changed is { Succeeded: false })
        {
            Notice = Words(named.Error ?? changed!.Error);
            await LoadAsync(id, email);
            return Page();
        }

        Notice = $"Saved {email}.";
        return RedirectToPage("/Users");
    }

    /// <summary>Gets whether the member is the signed-in user, the only one who edits their names here.</summary>
    public bool IsSelf => Member?.UserId == Actor;

    /// <summary>Deletes the member from the team.</summary>
    /// <param name="id">The membership.</param>
    /// <param name="email">The member's address.</param>
    /// <returns>The Users page, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, string email)
    {
        var removed = await members.RemoveAsync(Actor, Team, new MembershipId(id));
        if (!removed.Succeeded)
        {
            Notice = Words(removed.Error);
            await OnGetAsync(id, email);
            return Page();
        }

        Notice = $"Deleted {email} from the team.";
        return RedirectToPage("/Users");
    }

    private async Task LoadAsync(Guid id, string email)
    {
        var page = await members.ListPageAsync(Actor, Team, new MemberQuery { EmailPrefix = email, PageSize = 20 });
        Member = page.Value?.Members.FirstOrDefault(m => m.MembershipId.Value == id);
    }
}
