using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TeamAccess.ServiceAccounts;
using TeamAccess.TeamRoles;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The API keys page: the session team's service accounts (gateways, pipelines, integrations) with their keys. Anyone who
/// reads members sees the accounts; creating, editing and deleting them and their keys needs <c>service-accounts.manage</c>
/// and stays within the viewer's rank. A new key's secret is shown once, in the answer to the post that made it, and never
/// again; creating or rotating a key needs a second factor proven within the step-up window, as the HTTP API's routes do.
/// </summary>
[TeamPermission(Permissions.MembersRead)]
internal sealed class ApiKeysModel(IServiceAccountService accounts, RoleCatalog roles, ITeamRoleService teamRoles, IOptions<TeamAccessOptions> options, TimeProvider time) : TeamAccessPageModel
{
    /// <summary>The rotation overlaps an admin picks from: how long the old key keeps working.</summary>
    private static readonly TimeSpan[] Overlaps = [TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    /// <summary>The lifetimes a new key may be given, bounded by <see cref="ApiKeyOptions.MaxLifetime"/>.</summary>
    private static readonly TimeSpan[] Lifetimes = [TimeSpan.FromDays(7), TimeSpan.FromDays(30), TimeSpan.FromDays(90), TimeSpan.FromDays(180), TimeSpan.FromDays(365)];

    /// <summary>Gets or sets the new account's name.</summary>
    [BindProperty] public string? Name { get; set; }

    /// <summary>Gets or sets the new account's description.</summary>
    [BindProperty] public string? Description { get; set; }

    /// <summary>Gets or sets the new account's role.</summary>
    [BindProperty] public string? Role { get; set; }

    /// <summary>Gets the team's service accounts, by name.</summary>
    public IReadOnlyList<ServiceAccount> Accounts { get; private set; } = [];

    /// <summary>Gets the keys of the team's accounts, newest first (empty for a viewer who does not manage them).</summary>
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>Gets the roles the viewer may give a service account: no guardian role, none above their own.</summary>
    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>Gets the key just made, with its secret: shown in this answer only.</summary>
    public IssuedApiKey? Issued { get; private set; }

    /// <summary>Gets whether the viewer manages service accounts here.</summary>
    public bool CanManage => Can(Permissions.ServiceAccountsManage);

    /// <summary>Gets the lifetimes a new key may be given, with the default first.</summary>
    public IEnumerable<TimeSpan> KeyLifetimes =>
        new[] { options.Value.ApiKeys.DefaultLifetime }.Concat(Lifetimes.Where(l => l <= options.Value.ApiKeys.MaxLifetime)).Distinct();

    /// <summary>Gets the overlaps a rotation may keep the old key for.</summary>
    public IEnumerable<TimeSpan> RotationOverlaps => Overlaps.Where(o => o <= options.Value.ApiKeys.MaxLifetime);

    /// <summary>Gets now, to tell expired keys from working ones.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    private Dictionary<string, int> _ranks = new(StringComparer.Ordinal);

    /// <summary>Why the viewer may not change <paramref name="account"/>, or <see langword="null"/> when they may.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The reason, in words.</returns>
    public string? WhyNot(ServiceAccount account) =>
        !CanManage ? Messages.Text("ApiKeys.ManageNeeded")
        : _ranks.TryGetValue(account.Role, out var rank) && rank > ViewerRank ? Messages.Error(TeamAccessErrorCode.RoleRankTooHigh)
        : null;

    /// <summary>Gets the keys of one account.</summary>
    /// <param name="account">The account.</param>
    /// <returns>Its keys, newest first.</returns>
    public IEnumerable<ApiKey> KeysOf(ServiceAccount account) => Keys.Where(k => k.ServiceAccountId == account.Id);

    /// <summary>Names a key's state: working, revoked, expired, or ending after a rotation.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The words.</returns>
    public string State(ApiKey key) =>
        key.RevokedAt is not null ? "Revoked" : key.ExpiresAt <= Now ? "Expired" : key.ReplacedBy is not null ? "Rotated: works until it expires" : "Active";

    /// <summary>A duration as a person reads it.</summary>
    /// <param name="span">The duration.</param>
    /// <returns>The words.</returns>
    public static string Words(TimeSpan span) =>
        span == TimeSpan.Zero ? "none: stops at once"
        : span.TotalDays >= 1 ? $"{span.TotalDays:0} day{(span.TotalDays == 1 ? "" : "s")}"
        : $"{span.TotalHours:0} hour{(span.TotalHours == 1 ? "" : "s")}";

    private int ViewerRank { get; set; }

    /// <summary>Reads the accounts and, for a viewer who manages them, their keys.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Creates a service account.</summary>
    /// <returns>The page again, or this page with the fields' errors.</returns>
    public async Task<IActionResult> OnPostCreateAsync()
    {
        Fields.CheckName(this, nameof(Name), Name);
        if (string.IsNullOrEmpty(Role))
        {
            FieldErrors[nameof(Role)] = Messages.Text("ApiKeys.ChooseRole");
        }

        if (FieldErrors.Count > 0)
        {
            await LoadAsync();
            Error = Messages.Text("Form.CorrectFields");
            return Page();
        }

        var created = await accounts.CreateAsync(Actor, Team, new CreateServiceAccountRequest(Name!, Role!) { Description = Description });
        if (!created.Succeeded)
        {
            await LoadAsync();
            return Fields.Refuse(this, created.Error!, new()
            {
                [TeamAccessErrorCode.InvalidName] = nameof(Name),
                [TeamAccessErrorCode.InvalidDescription] = nameof(Description),
                [TeamAccessErrorCode.InvalidRole] = nameof(Role),
                [TeamAccessErrorCode.GuardianRoleNotForServiceAccounts] = nameof(Role),
                [TeamAccessErrorCode.RoleRankTooHigh] = nameof(Role),
                [TeamAccessErrorCode.ExceedsGranterPermissions] = nameof(Role),
            });
        }

        return Done(null, Messages.Text("ApiKeys.Created", created.Value!.Name));
    }

    /// <summary>Changes an account's name, description or role.</summary>
    /// <param name="id">The account.</param>
    /// <param name="name">The new name.</param>
    /// <param name="description">The new description (empty clears it).</param>
    /// <param name="role">The new role.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostEditAsync(Guid id, string? name, string? description, string? role)
    {
        var changed = await accounts.ChangeAsync(Actor, Team, new MembershipId(id), new ChangeServiceAccountRequest
        {
            Name = name ?? "",
            Description = description ?? "",
            Role = string.IsNullOrEmpty(role) ? null : role,
        });
        return RedirectWith(changed.Error, Messages.Text("ApiKeys.Saved", changed.Value?.Name ?? ""));
    }

    /// <summary>Deletes an account: its keys are revoked.</summary>
    /// <param name="id">The account.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var deleted = await accounts.DeleteAsync(Actor, Team, new MembershipId(id));
        return RedirectWith(deleted.Error, Messages.Text("ApiKeys.Deleted", deleted.Value?.Name ?? ""));
    }

    /// <summary>Creates a key and shows its secret in this answer, once.</summary>
    /// <param name="id">The account.</param>
    /// <param name="keyName">The key's label.</param>
    /// <param name="lifetimeDays">How many days it works.</param>
    /// <returns>This page with the secret, the StepUp page first, or this page with the refusal.</returns>
    public Task<IActionResult> OnPostCreateKeyAsync(Guid id, string? keyName, int lifetimeDays) => WithRecentSecondFactorAsync(
        async () => await ShowOnceAsync(await accounts.CreateKeyAsync(Actor, Team, new MembershipId(id), new CreateApiKeyRequest(keyName ?? "") { Lifetime = lifetimeDays > 0 ? TimeSpan.FromDays(lifetimeDays) : null })),
        Messages.Text("ApiKeys.EnrolFirst"));

    /// <summary>Rotates a key: the new secret is shown once, and the old key keeps working for the overlap picked.</summary>
    /// <param name="keyId">The key.</param>
    /// <param name="overlapHours">How many hours the old key keeps working.</param>
    /// <returns>This page with the new secret, the StepUp page first, or this page with the refusal.</returns>
    public Task<IActionResult> OnPostRotateAsync(Guid keyId, int overlapHours) => WithRecentSecondFactorAsync(
        async () => await ShowOnceAsync(await accounts.RotateKeyAsync(Actor, Team, new ApiKeyId(keyId), TimeSpan.FromHours(overlapHours))),
        Messages.Text("ApiKeys.EnrolFirst"));

    /// <summary>Revokes a key.</summary>
    /// <param name="keyId">The key.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostRevokeAsync(Guid keyId)
    {
        var revoked = await accounts.RevokeKeyAsync(Actor, Team, new ApiKeyId(keyId));
        return RedirectWith(revoked.Error, Messages.Text("ApiKeys.Revoked", revoked.Value?.Name ?? ""));
    }

    /// <summary>This page with a new key's secret: never cached, never kept for a later request.</summary>
    private async Task<IActionResult> ShowOnceAsync(Result<IssuedApiKey> issued)
    {
        await LoadAsync();
        if (!issued.TryGetValue(out var key))
        {
            return Refuse(issued.Error);
        }

        Issued = key;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task LoadAsync()
    {
        var list = await accounts.ListAsync(Actor, Team);
        Accounts = list.Value ?? [];
        if (CanManage)
        {
            Keys = (await accounts.ListTeamKeysAsync(Actor, Team)).Value ?? [];
        }

        var own = (await teamRoles.ListAsync(Actor, Team)).Value ?? [];
        var all = roles.Roles.Select(r => (r.Name, r.Rank, r.IsGuardian)).Concat(own.Select(r => (r.Name, r.Rank, IsGuardian: false))).ToList();
        _ranks = all.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Rank, StringComparer.Ordinal);
        ViewerRank = _ranks.GetValueOrDefault(User.FindFirstValue(TeamAccessClaimTypes.Role) ?? "", int.MinValue);
        Roles = [.. all.Where(r => !r.IsGuardian && r.Rank <= ViewerRank).OrderBy(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Name).Distinct(StringComparer.Ordinal)];
        if (!list.Succeeded)
        {
            Error = Words(list.Error);
        }
    }
}
