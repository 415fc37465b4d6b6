using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TeamAccess.Invitations;
using TeamAccess.TeamRoles;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>The "Invite users" page: pasted addresses and a role (the catalog's or the team's), each address's outcome in words.</summary>
[TeamPermission(Permissions.MembersInvite)]
internal sealed class InviteModel(IInvitationService invitations, RoleCatalog roles, ITeamRoleService teamRoles, IOptions<TeamAccessOptions> options) : TeamAccessPageModel
{
    /// <summary>Gets or sets the pasted addresses.</summary>
    [BindProperty] public string Addresses { get; set; } = "";

    /// <summary>Gets or sets the role offered.</summary>
    [BindProperty] public string Role { get; set; } = RolePresets.Member;

    /// <summary>Gets the roles, lowest first: the catalog's and the team's own.</summary>
    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>Gets the most addresses one invite takes.</summary>
    public int MaxBatch => options.Value.Invitations.MaxBatchSize;

    /// <summary>Gets the outcomes of the last invite.</summary>
    public IReadOnlyList<InviteOutcome>? Outcomes { get; private set; }

    /// <summary>Shows the form.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync() => Roles = await RoleChoices.ListAsync(roles, teamRoles, Actor, Team);

    /// <summary>Invites, then clears the addresses that were invited.</summary>
    /// <returns>A task.</returns>
    public async Task OnPostAsync()
    {
        Roles = await RoleChoices.ListAsync(roles, teamRoles, Actor, Team);
        if (string.IsNullOrWhiteSpace(Addresses))
        {
            FieldErrors[nameof(Addresses)] = "Enter at least one email address.";
            return;
        }

        var result = await invitations.InviteAsync(Actor, Team, InviteRequest.FromText(Addresses, Role));
        Outcomes = result.Value?.Outcomes;
        if (!result.Succeeded)
        {
            FieldErrors[nameof(Addresses)] = Words(result.Error);
            return;
        }

        Addresses = string.Join(' ', Outcomes!.Where(o => o.Kind != InviteOutcomeKind.Invited).Select(o => o.Address));
        ModelState.Clear();
    }
}
