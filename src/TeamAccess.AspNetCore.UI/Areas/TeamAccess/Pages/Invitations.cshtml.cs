using Microsoft.AspNetCore.Mvc;
using TeamAccess.Invitations;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>The team's invitations, newest first, filtered by status, with Resend and Revoke.</summary>
[TeamPermission(Permissions.MembersRead)]
internal sealed class InvitationsModel(IInvitationService invitations) : TeamAccessPageModel
{
    /// <summary>Gets or sets the status filter.</summary>
    [BindProperty(SupportsGet = true)] public InvitationStatus? Status { get; set; }

    /// <summary>Gets the rows.</summary>
    public IReadOnlyList<InvitationView> Rows { get; private set; } = [];

    /// <summary>Reads the list.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        var list = await invitations.ListAsync(Actor, Team);
        Rows = [.. (list.Value ?? []).Where(i => Status is not { } s || i.Status == s)];
        if (!list.Succeeded)
        {
            Error = Words(list.Error);
        }
    }

    /// <summary>Sends an invitation again.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The list again.</returns>
    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        var resent = await invitations.ResendAsync(Actor, Team, new MembershipId(id));
        return RedirectWith(resent.Error, $"Invitation to {resent.Value?.Email} sent again.");
    }

    /// <summary>Revokes an invitation.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The list again.</returns>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var revoked = await invitations.RevokeAsync(Actor, Team, new MembershipId(id));
        return RedirectWith(revoked.Error, "Invitation revoked.");
    }
}
