using Microsoft.AspNetCore.Mvc;
using TeamAccess.TeamSso;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The Team SSO page: the team's own OpenID Connect providers with their states, a form to add one (the client secret is
/// write-only: stored encrypted, never shown again), a connection test that saves nothing, and activate, suspend and
/// delete. Only holders of <c>team.sign-in-policy</c> (the guardian) reach it; every change needs a recent second factor.
/// </summary>
[TeamPermission(Permissions.TeamSignInPolicy)]
internal sealed class TeamSsoModel(ITeamSsoService sso) : TeamAccessPageModel
{
    /// <summary>Gets the team's providers, oldest first.</summary>
    public IReadOnlyList<TeamProviderView> Providers { get; private set; } = [];

    /// <summary>Gets or sets the name shown on the sign-in page.</summary>
    [BindProperty] public string? DisplayName { get; set; }

    /// <summary>Gets or sets the issuer's HTTPS address.</summary>
    [BindProperty] public string? Issuer { get; set; }

    /// <summary>Gets or sets the client id.</summary>
    [BindProperty] public string? ClientId { get; set; }

    /// <summary>Gets or sets the client secret: posted, never drawn back into the page.</summary>
    [BindProperty] public string? ClientSecret { get; set; }

    /// <summary>Gets or sets the scopes, separated by spaces.</summary>
    [BindProperty] public string? Scopes { get; set; } = "openid email profile";

    /// <summary>Gets or sets the id_token claim carrying the email address.</summary>
    [BindProperty] public string? EmailClaim { get; set; } = "email";

    /// <summary>Gets or sets whether the provider enforces a second factor itself.</summary>
    [BindProperty] public bool RequiresSecondFactor { get; set; }

    /// <summary>Gets the outcome of a connection test shown on this page, or <see langword="null"/>.</summary>
    public string? TestPassed { get; private set; }

    /// <summary>Reads the providers.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Tests the settings without saving them (no second factor needed: nothing changes).</summary>
    /// <returns>This page with the outcome.</returns>
    public async Task<IActionResult> OnPostTestAsync()
    {
        if (Settings(null) is not { } request)
        {
            return await AgainAsync(null);
        }

        var tested = await sso.TestProviderAsync(Actor, Team, request, HttpContext.RequestAborted);
        if (tested.Succeeded)
        {
            TestPassed = Messages.Text("TeamSso.TestPassed", request.Issuer);
        }

        return await AgainAsync(tested.Error);
    }

    /// <summary>Adds the provider as a draft.</summary>
    /// <returns>The page again.</returns>
    public Task<IActionResult> OnPostAddAsync() => WithRecentSecondFactorAsync(async () =>
    {
        if (string.IsNullOrEmpty(ClientSecret))
        {
            FieldErrors["ClientSecret"] = Messages.Text("TeamSso.SecretRequired");
        }

        if (Settings(ClientSecret) is not { } request || FieldErrors.Count > 0)
        {
            return await AgainAsync(null);
        }

        var added = await sso.AddProviderAsync(Actor, Team, request, HttpContext.RequestAborted);
        return added.TryGetValue(out var provider)
            ? Done(null, Messages.Text("TeamSso.Added", provider.DisplayName))
            : await AgainAsync(added.Error);
    });

    /// <summary>Activates a draft or suspended provider after fetching its discovery document.</summary>
    /// <param name="providerId">The provider.</param>
    /// <returns>The page again.</returns>
    public Task<IActionResult> OnPostActivateAsync(Guid providerId) => WithRecentSecondFactorAsync(async () =>
    {
        var activated = await sso.ActivateProviderAsync(Actor, Team, new TeamProviderId(providerId), HttpContext.RequestAborted);
        return RedirectWith(activated.Error, Messages.Text("TeamSso.Activated", activated.Value?.DisplayName ?? ""));
    });

    /// <summary>Suspends an active provider.</summary>
    /// <param name="providerId">The provider.</param>
    /// <returns>The page again.</returns>
    public Task<IActionResult> OnPostSuspendAsync(Guid providerId) => WithRecentSecondFactorAsync(async () =>
    {
        var suspended = await sso.SuspendProviderAsync(Actor, Team, new TeamProviderId(providerId), HttpContext.RequestAborted);
        return RedirectWith(suspended.Error, Messages.Text("TeamSso.Suspended", suspended.Value?.DisplayName ?? ""));
    });

    /// <summary>Deletes a draft or suspended provider.</summary>
    /// <param name="providerId">The provider.</param>
    /// <returns>The page again.</returns>
    public Task<IActionResult> OnPostDeleteAsync(Guid providerId) => WithRecentSecondFactorAsync(async () =>
    {
        var deleted = await sso.DeleteProviderAsync(Actor, Team, new TeamProviderId(providerId), HttpContext.RequestAborted);
        return RedirectWith(deleted.Error, Messages.Text("TeamSso.Deleted"));
    });

    /// <summary>The state in words.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The words.</returns>
    public string StateName(TeamProviderState state) => Messages.Text("TeamSso.State." + state);

    /// <summary>The settings as posted, with the fields that are missing marked beside them; the secret is added only when adding.</summary>
    private TeamProviderRequest? Settings(string? secret)
    {
        foreach (var (name, value) in new[] { ("DisplayName", DisplayName), ("Issuer", Issuer), ("ClientId", ClientId) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                FieldErrors[name] = Messages.Text("TeamSso.Required");
            }
        }

        if (FieldErrors.Count > 0)
        {
            return null;
        }

        var scopes = (Scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new TeamProviderRequest(DisplayName!.Trim(), Issuer!.Trim(), ClientId!.Trim())
        {
            Scopes = scopes.Length == 0 ? ["openid"] : scopes,
            EmailClaim = string.IsNullOrWhiteSpace(EmailClaim) ? "email" : EmailClaim.Trim(),
            RequiresSecondFactor = RequiresSecondFactor,
            ClientSecret = secret,
        };
    }

    /// <summary>This page again with the form as posted (never the secret) and the refusal, if any.</summary>
    private async Task<IActionResult> AgainAsync(TeamAccessError? error)
    {
        ClientSecret = null;
        if (error is not null)
        {
            Error = Words(error);
            if (error.Code is TeamAccessErrorCode.IssuerNotAllowed or TeamAccessErrorCode.IssuerMismatch or TeamAccessErrorCode.DiscoveryFailed)
            {
                FieldErrors["Issuer"] = Error;
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var listed = await sso.ListProvidersAsync(Actor, Team, HttpContext.RequestAborted);
        Providers = listed.Value ?? [];
        if (listed.Error is { } error)
        {
            Error ??= Words(error);
        }
    }
}
