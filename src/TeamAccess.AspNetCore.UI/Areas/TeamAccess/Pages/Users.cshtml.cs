using Microsoft.AspNetCore.Mvc;
using TeamAccess.Invitations;
using TeamAccess.Members;
using TeamAccess.TeamRoles;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>The Users page: the session team's members a page at a time, filtered by status, role and email.</summary>
[TeamPermission(Permissions.MembersRead)]
internal sealed class UsersModel(IMemberService members, IInvitationService invitations, RoleCatalog roles, ITeamRoleService teamRoles) : TeamAccessPageModel
{
    /// <summary>Gets or sets the email prefix filter.</summary>
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }

    /// <summary>Gets or sets the role filter.</summary>
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }

    /// <summary>Gets or sets the status filter.</summary>
    [BindProperty(SupportsGet = true)] public MembershipStatus? Status { get; set; }

    /// <summary>Gets or sets the page size.</summary>
    [BindProperty(SupportsGet = true)] public int PageSize { get; set; } = 10;

    /// <summary>Gets or sets the email of the previous page's last row.</summary>
    [BindProperty(SupportsGet = true)] public string? AfterEmail { get; set; }

    /// <summary>Gets or sets the membership id of the previous page's last row.</summary>
    [BindProperty(SupportsGet = true)] public Guid? AfterId { get; set; }

    /// <summary>Gets the role names: the catalog's and the team's own.</summary>
    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>Gets the page.</summary>
    public MemberPage? Members { get; private set; }

    /// <summary>Reads one page.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        Roles = await RoleChoices.ListAsync(roles, teamRoles, Actor, Team);
        var query = new MemberQuery
        {
            Status = Status,
            Role = string.IsNullOrEmpty(Role) ? null : Role,
            EmailPrefix = Email,
            PageSize = PageSize,
            After = AfterEmail is not null && AfterId is { } id ? new MemberPageKey(AfterEmail, new MembershipId(id)) : null,
        };
        var page = await members.ListPageAsync(Actor, Team, query);
        Members = page.Value;
        if (!page.Succeeded)
        {
            Error = Words(page.Error);
        }
    }

    /// <summary>Deactivates a member.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostDeactivateAsync(Guid id) => Outcome(await members.DeactivateAsync(Actor, Team, new MembershipId(id)), "is deactivated and signed out of this team");

    /// <summary>Reactivates a member.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostReactivateAsync(Guid id) => Outcome(await members.ReactivateAsync(Actor, Team, new MembershipId(id)), "is reactivated");

    /// <summary>Removes a member, or revokes an invitation.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id) => Outcome(await members.RemoveAsync(Actor, Team, new MembershipId(id)), "is removed from the team");

    /// <summary>Sends an invitation again.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        var resent = await invitations.ResendAsync(Actor, Team, new MembershipId(id));
        return RedirectWith(resent.Error, $"Invitation to {resent.Value?.Email} sent again.");
    }

    private RedirectToPageResult Outcome(Result<Membership> result, string what) =>
        RedirectWith(result.Error, $"{result.Value?.Email} {what}.");
}
