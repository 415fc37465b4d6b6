using Microsoft.AspNetCore.Mvc;
using TeamAccess.Accounts;
using TeamAccess.Members;
using TeamAccess.Ownership;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The Ownership page: a guardian of the session team offers the guardian role to an Active member, who accepts or
/// declines it here; the guardian withdraws the offer. Another member sees the open offer, and why they cannot make one.
/// </summary>
[TeamPermission(Permissions.MembersRead)]
internal sealed class OwnershipModel(IOwnershipService ownership, IMemberService members, ISessionService sessions, RoleCatalog roles, TimeProvider time) : TeamAccessPageModel
{
    /// <summary>Gets the team's open offer, if any.</summary>
    public OwnershipOffer? Offer { get; private set; }

    /// <summary>Gets the team's Active members.</summary>
    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    /// <summary>Gets the viewer's own membership.</summary>
    public MemberView? Me { get; private set; }

    /// <summary>Gets the name of the guardian role.</summary>
    public string GuardianRole => roles.Guardian.Name;

    /// <summary>Gets whether the viewer holds the guardian role (only they offer it).</summary>
    public bool IsGuardian => Me?.Role == GuardianRole;

    /// <summary>Gets the members the viewer may offer the role to: Active people other than themselves and the team's guardians.</summary>
    public IEnumerable<MemberView> Candidates => Members.Where(m => m.UserId != Actor && !m.IsServiceAccount && m.Role != GuardianRole);

    /// <summary>Gets the current time.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Names a membership: "First Last (address)", or "a former member".</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The name.</returns>
    public string Name(MembershipId id) => Members.FirstOrDefault(m => m.MembershipId == id) is { } m ? Show.Label(m) : Messages.Text("Ownership.FormerMember");

    /// <summary>Reads the offer and the members.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        var page = await members.ListPageAsync(Actor, Team, new MemberQuery { Status = MembershipStatus.Active, PageSize = MemberQuery.MaxPageSize });
        Members = page.Value?.Members ?? [];
        Me = Members.FirstOrDefault(m => m.UserId == Actor);
        var offer = await ownership.GetOfferAsync(Actor, Team);
        Offer = offer.Value;
        var error = page.Error ?? (offer.Succeeded || offer.Code == TeamAccessErrorCode.OwnershipOfferNotFound ? null : offer.Error);
        if (error is not null)
        {
            Error = Words(error);
        }
    }

    /// <summary>Offers the guardian role to a member.</summary>
    /// <param name="to">The membership.</param>
    /// <param name="keepRole">Whether the viewer keeps the guardian role.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostOfferAsync(Guid to, bool keepRole)
    {
        var offered = await ownership.OfferAsync(Actor, Team, new MembershipId(to), keepRole);
        return RedirectWith(offered.Error, Messages.Text("Ownership.Offered"));
    }

    /// <summary>Withdraws the viewer's offer.</summary>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        var withdrawn = await ownership.WithdrawAsync(Actor, Team);
        return RedirectWith(withdrawn.Error, Messages.Text("Ownership.Withdrawn"));
    }

    /// <summary>Declines the offer made to the viewer.</summary>
    /// <param name="offerId">The offer, as the viewer saw it.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostDeclineAsync(Guid offerId)
    {
        var declined = await ownership.DeclineAsync(Actor, Team, new OwnershipOfferId(offerId));
        return RedirectWith(declined.Error, Messages.Text("Ownership.Declined"));
    }

    /// <summary>Accepts the offer made to the viewer; their role changed, so they sign in again with it.</summary>
    /// <param name="offerId">The offer, as the viewer saw it.</param>
    /// <returns>The sign-in page, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostAcceptAsync(Guid offerId)
    {
        var accepted = await ownership.AcceptAsync(Actor, Team, new OwnershipOfferId(offerId));
        if (!accepted.Succeeded)
        {
            return RedirectWith(accepted.Error, "");
        }

        await sessions.SignOutAsync(Request.Cookies[TeamAccessAuthenticationDefaults.CookieName] ?? "");
        TeamAccessSessionCookie.Delete(Response);
        return Done("/SignIn", Messages.Text("Ownership.Accepted", accepted.Value!.Role));
    }
}
