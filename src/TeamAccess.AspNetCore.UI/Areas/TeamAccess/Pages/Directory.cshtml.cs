using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TeamAccess.Members;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The Directory page: where the team's SCIM 2.0 client (Okta, Entra ID...) connects (the host's
/// <see cref="TeamAccessUIOptions.ScimPath"/>), the directory's keys (an API key of the team's directory service account,
/// narrowed to <c>directory.provision</c>, its secret shown once), and the people the directory provisioned. Only the
/// guardian (<c>team.sign-in-policy</c>) reaches it: a directory manages every member, guardians included, and only a
/// guardian delegates that. Making and revoking a key needs a recent second factor.
/// </summary>
[TeamPermission(Permissions.TeamSignInPolicy)]
internal sealed class DirectoryModel(IServiceAccountService accounts, IMemberService members, RoleCatalog roles, IOptions<TeamAccessUIOptions> ui) : TeamAccessPageModel
{
    /// <summary>The name of the service account the page makes for the directory.</summary>
    public const string AccountName = "Directory (SCIM)";

    /// <summary>Gets the SCIM base URL, or <see langword="null"/> when the host maps no SCIM endpoints.</summary>
    public string? ScimUrl => ui.Value.ScimPath is { } path ? $"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}" : null;

    /// <summary>Gets the directory's keys, newest first (revoked ones too).</summary>
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>Gets the people the directory provisioned (from the first page of the team's members).</summary>
    public IReadOnlyList<MemberView> Provisioned { get; private set; } = [];

    /// <summary>Gets whether the member list was longer than one page, so that <see cref="Provisioned"/> may not be all.</summary>
    public bool MoreMembers { get; private set; }

    /// <summary>Gets the secret of a key just made: shown on this answer only, never again.</summary>
    public string? IssuedSecret { get; private set; }

    /// <summary>Reads the keys and the provisioned people.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Makes a key for the directory (and its service account, the first time), and shows its secret once.</summary>
    /// <returns>This page with the secret.</returns>
    public Task<IActionResult> OnPostCreateKeyAsync() => WithRecentSecondFactorAsync(async () =>
    {
        var account = await DirectoryAccountAsync(create: true);
        if (!account.TryGetValue(out var found))
        {
            return RedirectWith(account.Error, "");
        }

        var issued = await accounts.CreateKeyAsync(Actor, Team, found!.Id, new CreateApiKeyRequest(Messages.Text("Directory.KeyName"))
        {
            Permissions = [Permissions.DirectoryProvision],
        }, HttpContext.RequestAborted);
        if (!issued.TryGetValue(out var key))
        {
            return RedirectWith(issued.Error, "");
        }

        // Rendered on this answer only: a secret never travels through TempData, a redirect or a URL.
        IssuedSecret = key.Secret;
        await LoadAsync();
        return Page();
    });

    /// <summary>Revokes one of the directory's keys: the directory's calls with it stop at once.</summary>
    /// <param name="keyId">The key.</param>
    /// <returns>The page again.</returns>
    public Task<IActionResult> OnPostRevokeAsync(Guid keyId) => WithRecentSecondFactorAsync(async () =>
    {
        var revoked = await accounts.RevokeKeyAsync(Actor, Team, new ApiKeyId(keyId), HttpContext.RequestAborted);
        return RedirectWith(revoked.Error, Messages.Text("Directory.Revoked", revoked.Value?.Name ?? ""));
    });

    /// <summary>The directory's service account; with <paramref name="create"/>, made the first time in the lowest non-guardian role holding <c>directory.provision</c>.</summary>
    private async Task<Result<ServiceAccount?>> DirectoryAccountAsync(bool create)
    {
        var listed = await accounts.ListAsync(Actor, Team, HttpContext.RequestAborted);
        if (!listed.TryGetValue(out var all))
        {
            return Result<ServiceAccount?>.Failed(listed.Error!);
        }

        var existing = all.FirstOrDefault(a => a.Name == AccountName && a.Status == MembershipStatus.Active);
        if (existing is not null || !create)
        {
            return Result<ServiceAccount?>.Ok(existing);
        }

        var role = roles.Roles.Where(r => !r.IsGuardian && r.PermissionNames.Contains(Permissions.DirectoryProvision)).OrderBy(r => r.Rank).FirstOrDefault();
        if (role is null)
        {
            return Result<ServiceAccount?>.Failed(new TeamAccessError(TeamAccessErrorCode.InvalidRole, Messages.Text("Directory.NoRole")));
        }

        var created = await accounts.CreateAsync(Actor, Team, new CreateServiceAccountRequest(AccountName, role.Name) { Description = Messages.Text("Directory.AccountDescription") }, HttpContext.RequestAborted);
        return created.TryGetValue(out var account) ? Result<ServiceAccount?>.Ok(account) : Result<ServiceAccount?>.Failed(created.Error!);
    }

    private async Task LoadAsync()
    {
        var account = await DirectoryAccountAsync(create: false);
        if (account.Value is { } found)
        {
            var keys = await accounts.ListKeysAsync(Actor, Team, found.Id, HttpContext.RequestAborted);
            Keys = [.. (keys.Value ?? []).OrderByDescending(k => k.CreatedAt)];
        }

        var page = await members.ListPageAsync(Actor, Team, new MemberQuery { PageSize = MemberQuery.MaxPageSize }, HttpContext.RequestAborted);
        Provisioned = [.. (page.Value?.Members ?? []).Where(m => m.Origin == MembershipOrigin.Scim)];
        MoreMembers = page.Value?.Next is not null;
        if ((account.Error ?? page.Error) is { } error)
        {
            Error ??= Words(error);
        }
    }
}
