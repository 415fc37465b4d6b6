using Microsoft.AspNetCore.Mvc;
using TeamAccess.TeamSso;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The Domains page: the team's claims on email domains, each with the TXT record to publish
/// (<c>teamaccess-verification=...</c>), its state and when it was last checked; claim a domain, check one now, release
/// one. Only holders of <c>team.sign-in-policy</c> reach it; claiming and releasing need a recent second factor.
/// </summary>
[TeamPermission(Permissions.TeamSignInPolicy)]
internal sealed class DomainsModel(ITeamSsoService sso) : TeamAccessPageModel
{
    /// <summary>Gets the team's claims, by domain.</summary>
    public IReadOnlyList<TeamDomainView> Domains { get; private set; } = [];

    /// <summary>Gets or sets the domain to claim.</summary>
    [BindProperty] public string? Domain { get; set; }

    /// <summary>Reads the claims.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Claims a domain; its TXT record is shown in the list.</summary>
    /// <returns>The page again.</returns>
    public Task<IActionResult> OnPostClaimAsync() => WithRecentSecondFactorAsync(async () =>
    {
        if (string.IsNullOrWhiteSpace(Domain))
        {
            FieldErrors["Domain"] = Messages.Text("Domains.Required");
            await LoadAsync();
            return Page();
        }

        var claimed = await sso.ClaimDomainAsync(Actor, Team, Domain, HttpContext.RequestAborted);
        if (claimed.TryGetValue(out var claim))
        {
            return Done(null, Messages.Text("Domains.Claimed", claim.Domain));
        }

        FieldErrors["Domain"] = Words(claimed.Error);
        await LoadAsync();
        return Page();
    });

    /// <summary>Looks the domain's TXT record up now (nothing dangerous: it only records what DNS says).</summary>
    /// <param name="domainId">The claim.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostCheckAsync(Guid domainId)
    {
        var checkedClaim = await sso.CheckDomainAsync(Actor, Team, new TeamDomainId(domainId), HttpContext.RequestAborted);
        return checkedClaim.TryGetValue(out var claim)
            ? Done(null, Messages.Text("Domains.Checked." + claim.State, claim.Domain))
            : RedirectWith(checkedClaim.Error, "");
    }

    /// <summary>Releases a claim.</summary>
    /// <param name="domainId">The claim.</param>
    /// <returns>The page again.</returns>
    public Task<IActionResult> OnPostReleaseAsync(Guid domainId) => WithRecentSecondFactorAsync(async () =>
    {
        var released = await sso.RemoveDomainAsync(Actor, Team, new TeamDomainId(domainId), HttpContext.RequestAborted);
        return RedirectWith(released.Error, Messages.Text("Domains.Released"));
    });

    /// <summary>The state in words.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The words.</returns>
    public string StateName(TeamDomainState state) => Messages.Text("Domains.State." + state);

    private async Task LoadAsync()
    {
        var listed = await sso.ListDomainsAsync(Actor, Team, HttpContext.RequestAborted);
        Domains = listed.Value ?? [];
        if (listed.Error is { } error)
        {
            Error ??= Words(error);
        }
    }
}
