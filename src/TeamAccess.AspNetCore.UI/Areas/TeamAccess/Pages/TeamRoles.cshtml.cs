using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using TeamAccess.TeamRoles;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The Team roles page: the roles the session team defined for itself, beside the catalog's. Anyone who reads members
/// sees them; a holder of <c>roles.manage</c> creates them, changes their rank and permissions (a checkbox list from the
/// permission catalog) and deletes them. A role ranked at or above the viewer's own shows its actions disabled, with why.
/// </summary>
[TeamPermission(Permissions.MembersRead)]
internal sealed class TeamRolesModel(ITeamRoleService teamRoles, RoleCatalog roles) : TeamAccessPageModel
{
    /// <summary>Gets or sets the new role's name.</summary>
    [BindProperty] public string? Name { get; set; }

    /// <summary>Gets or sets the new role's rank.</summary>
    [BindProperty] public int? Rank { get; set; }

    /// <summary>Gets or sets the new role's permissions.</summary>
    [BindProperty] public List<string> Granted { get; set; } = [];

    /// <summary>Gets or sets whether the new role is read-only.</summary>
    [BindProperty] public bool IsReadOnly { get; set; }

    /// <summary>Gets or sets whether the new role reaches resources only through grants.</summary>
    [BindProperty] public bool IsScopedToGrants { get; set; }

    /// <summary>Gets the team's roles, highest rank first.</summary>
    public IReadOnlyList<TeamRole> Roles { get; private set; } = [];

    /// <summary>Gets the permissions a role may be given here: those of the catalog the viewer holds, in the catalog's order.</summary>
    public IReadOnlyList<string> Choices { get; private set; } = [];

    /// <summary>Gets whether the viewer may define roles.</summary>
    public bool CanManage => Can(Permissions.RolesManage);

    /// <summary>Gets the rank of the viewer's role.</summary>
    public int ViewerRank { get; private set; }

    /// <summary>Why the viewer may not change or delete <paramref name="role"/>, or <see langword="null"/> when they may.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The reason, in words.</returns>
    public string? WhyNot(TeamRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return !CanManage ? Messages.Text("TeamRoles.ManageNeeded")
            : role.Rank >= ViewerRank ? Messages.Text("TeamRoles.RankedAbove", role.Name)
            : null;
    }

    /// <summary>Reads the roles.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Defines a role.</summary>
    /// <returns>The page again, or this page with the fields' errors.</returns>
    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            FieldErrors[nameof(Name)] = Messages.Text("TeamRoles.NameNeeded");
        }

        if (Rank is null)
        {
            FieldErrors[nameof(Rank)] = Messages.Text("TeamRoles.RankNeeded");
        }

        if (FieldErrors.Count > 0)
        {
            await LoadAsync();
            Error = Messages.Text("Form.CorrectFields");
            return Page();
        }

        var created = await teamRoles.CreateAsync(Actor, Team, new TeamRoleRequest { Name = Name!, Rank = Rank!.Value, Permissions = Granted, IsReadOnly = IsReadOnly, IsScopedToGrants = IsScopedToGrants });
        if (!created.Succeeded)
        {
            await LoadAsync();
            return Fields.Refuse(this, created.Error!, FieldOf);
        }

        return Done(null, Messages.Text("TeamRoles.Created", created.Value!.Name));
    }

    /// <summary>Changes a role's rank, permissions and flags (its name stays).</summary>
    /// <param name="role">The role's name.</param>
    /// <param name="rank">The new rank.</param>
    /// <param name="permissions">The new permissions.</param>
    /// <param name="readOnly">Whether it is read-only.</param>
    /// <param name="scoped">Whether it reaches resources only through grants.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostUpdateAsync(string role, int rank, List<string> permissions, bool readOnly, bool scoped)
    {
        var changed = await teamRoles.UpdateAsync(Actor, Team, new TeamRoleRequest { Name = role ?? "", Rank = rank, Permissions = permissions ?? [], IsReadOnly = readOnly, IsScopedToGrants = scoped });
        return RedirectWith(changed.Error, Messages.Text("TeamRoles.Saved", changed.Value?.Name ?? ""));
    }

    /// <summary>Deletes a role nobody holds.</summary>
    /// <param name="role">The role's name.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostDeleteAsync(string role)
    {
        var deleted = await teamRoles.DeleteAsync(Actor, Team, role ?? "");
        return RedirectWith(deleted.Error, Messages.Text("TeamRoles.Deleted", role ?? ""));
    }

    private static readonly Dictionary<TeamAccessErrorCode, string> FieldOf = new()
    {
        [TeamAccessErrorCode.InvalidRoleName] = nameof(Name),
        [TeamAccessErrorCode.CatalogRole] = nameof(Name),
        [TeamAccessErrorCode.RoleNameTaken] = nameof(Name),
        [TeamAccessErrorCode.RoleRankTooHigh] = nameof(Rank),
        [TeamAccessErrorCode.InvalidPermission] = nameof(Granted),
        [TeamAccessErrorCode.PermissionNotAllowed] = nameof(Granted),
        [TeamAccessErrorCode.ReadOnlyRole] = nameof(Granted),
        [TeamAccessErrorCode.ExceedsGranterPermissions] = nameof(Granted),
    };

    private async Task LoadAsync()
    {
        var list = await teamRoles.ListAsync(Actor, Team);
        Roles = list.Value ?? [];
        var ranks = roles.Roles.Select(r => (r.Name, r.Rank)).Concat(Roles.Select(r => (r.Name, r.Rank)))
            .GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Rank, StringComparer.Ordinal);
        ViewerRank = ranks.GetValueOrDefault(User.FindFirstValue(TeamAccessClaimTypes.Role) ?? "", int.MinValue);
        Choices = [.. roles.PermissionCatalog.All.Select(p => p.Name).Where(p => Can(p))];
        if (!list.Succeeded)
        {
            Error = Words(list.Error);
        }
    }
}
