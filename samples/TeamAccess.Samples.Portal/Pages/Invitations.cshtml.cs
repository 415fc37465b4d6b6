using Microsoft.AspNetCore.Mvc;
using TeamAccess.AspNetCore;
using TeamAccess.Invitations;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>The team's invitations, newest first, with Resend and Revoke.</summary>
[TeamPermission(Permissions.MembersRead)]
public sealed class InvitationsModel(IInvitationService invitations) : PortalPage
{
    /// <summary>Gets the rows.</summary>
    public IReadOnlyList<InvitationView> Rows { get; private set; } = [];

    /// <summary>Reads the list.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        var list = await invitations.ListAsync(Actor, Team);
        Rows = list.Value ?? [];
        if (!list.Succeeded)
        {
            Notice = Words(list.Error);
        }
    }

    /// <summary>Sends an invitation again.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The list again.</returns>
    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        var resent = await invitations.ResendAsync(Actor, Team, new MembershipId(id));
        Notice = resent.Succeeded ? $"Invitation to {resent.Value!.Email} sent again." : Words(resent.Error);
        return RedirectToPage();
    }

    /// <summary>Revokes an invitation.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The list again.</returns>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var revoked = await invitations.RevokeAsync(Actor, Team, new MembershipId(id));
        Notice = revoked.Succeeded ? "Invitation revoked." : Words(revoked.Error);
        return RedirectToPage();
    }
}
