using Microsoft.AspNetCore.Mvc;
using TeamAccess.AspNetCore;
using TeamAccess.Invitations;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>The "Invite users" dialog: pasted addresses and a role, each address's outcome shown.</summary>
[TeamPermission(Permissions.MembersInvite)]
public sealed class InviteModel(IInvitationService invitations, RoleCatalog roles) : PortalPage
{
    /// <summary>Gets or sets the pasted addresses.</summary>
    [BindProperty] public string Addresses { get; set; } = "";

    /// <summary>Gets or sets the role offered.</summary>
    [BindProperty] public string Role { get; set; } = RolePresets.Member;

    /// <summary>Gets the roles, lowest first.</summary>
    public IEnumerable<string> Roles => roles.Roles.OrderBy(r => r.Rank).Select(r => r.Name);

    /// <summary>Gets the outcomes of the last invite.</summary>
    public IReadOnlyList<InviteOutcome>? Outcomes { get; private set; }

    /// <summary>Invites.</summary>
    /// <returns>A task.</returns>
    public async Task OnPostAsync()
    {
        var result = await invitations.InviteAsync(Actor, Team, InviteRequest.FromText(Addresses, Role));
        Outcomes = result.Value?.Outcomes;
        if (!result.Succeeded)
        {
            Notice = Words(result.Error);
        }
    }
}
